import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDossier } from "../answer/create-dossier.ts";
import type { Dossier } from "../answer/dossier.ts";
import { withSourceCounts } from "../bot/show-sources.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import { voteButtonRow } from "../moderation/discord/votes.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import { renderSources } from "../render/discord/card-sources.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import { type PreviewMessage, previewHtml } from "./discord-html.ts";

/**
 * Replies drawn the way Discord's dark theme shows them, as PNG files, to review by eye: `npm run
 * screenshots -- <folder> [name…]` (default: every sample into docs/). Needs Chromium (Debian's
 * `chromium` package, or CHROMIUM_PATH); the README shows docs/ask.png and docs/demand.png.
 */

/** Where Chromium is, if it is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => path !== undefined && path !== "" && existsSync(path));
}

/** The replies worth looking at, by file name: each is rendered exactly as the bot would send it. */
export function sampleReplies(dossier: Dossier): Record<string, PreviewMessage[]> {
  const paging = { key: "preview" };
  const page = (view: AnswerView, extra = false) =>
    renderAnswerPage(
      withSourceCounts(view, dossier, null),
      0,
      paging,
      extra ? [voteButtonRow("preview")] : [],
    );
  const question = "is ukraine going to join nato?";
  const asked = dossier.ask(question, { limit: 9 });
  const menu = dossier.demands().results.map((result) => ({ id: result.id, title: result.heading ?? "" }));
  const firstCard = asked.results[0];
  const sources = firstCard && dossier.evidence(firstCard.kind, firstCard.id);
  return {
    ask: [
      {
        command: `/ask question: ${question}`,
        payload: page({ kind: "ask", question, answer: asked }, true),
      },
    ],
    demand: [
      {
        command: "/demand topic: missiles",
        payload: page({ kind: "demand", topic: "missiles", menu, answer: dossier.demands("missiles") }),
      },
    ],
    "demand-list": [
      { command: "/demand", payload: page({ kind: "demand", menu, answer: dossier.demands() }) },
    ],
    sources:
      sources === undefined
        ? []
        : [{ command: "Sources for 1", payload: renderSources(sources), ephemeral: true }],
    who: [
      {
        command: "/who person: ryabkov",
        payload: page({ kind: "who", person: "ryabkov", answer: dossier.who("ryabkov") }),
      },
    ],
    // Not "timeline": docs/timeline.png is the timeline picture itself, which the README shows.
    "timeline-reply": [
      {
        command: "/timeline from: 2021",
        payload: page({ kind: "timeline", from: "2021", answer: dossier.timeline({ from: "2021" }) }),
      },
    ],
    quote: [
      {
        command: "/quote speaker: putin",
        payload: page({ kind: "quote", speaker: "putin", answer: dossier.quotes({ speaker: "putin" }) }),
      },
    ],
  };
}

/**
 * Renders each reply to `<folder>/<name>.png`. Chromium runs headless with
 * a fresh profile that is removed afterwards, and without networking of its own: the pages need none.
 */
export async function takeScreenshots(
  replies: Record<string, PreviewMessage[]>,
  folder: string,
  chromiumPath: string,
): Promise<string[]> {
  const { chromium } = await import("playwright-core");
  mkdirSync(folder, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "dossier-preview-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 800, height: 400 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const written: string[] = [];
  try {
    const page = await context.newPage();
    for (const [name, messages] of Object.entries(replies)) {
      if (messages.length === 0) continue;
      await page.setContent(previewHtml(messages), { waitUntil: "load" });
      const path = join(folder, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      written.push(path);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return written;
}

async function main(): Promise<number> {
  const chromiumPath = findChromium();
  if (chromiumPath === undefined) {
    process.stderr.write("Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).\n");
    return 1;
  }
  const [folderArgument = "docs", ...names] = process.argv.slice(2);
  const dossier = createDossier(loadCorpus(new URL("../../knowledge/", import.meta.url).pathname));
  const samples = Object.entries(sampleReplies(dossier)).filter(
    ([name]) => names.length === 0 || names.includes(name),
  );
  for (const path of await takeScreenshots(
    Object.fromEntries(samples),
    resolve(folderArgument),
    chromiumPath,
  ))
    process.stdout.write(`${path}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
