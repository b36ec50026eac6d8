import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode } from "fast-png";
import { afterAll, describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { previewHtml } from "../../src/preview/discord-html.ts";
import { findChromium, sampleReplies, takeScreenshots } from "../../src/preview/take-screenshots.ts";

const KNOWLEDGE_DIR = new URL("../../knowledge/", import.meta.url).pathname;
const chromium = findChromium();
const replies = sampleReplies(createDossier(loadCorpus(KNOWLEDGE_DIR)));

describe("replies drawn as Discord shows them", () => {
  it("draws every part of a reply: label, title, quote, citation link, select menu, buttons", () => {
    const html = previewHtml([...(replies.ask ?? []), ...(replies.demand ?? [])]);
    for (const part of ["1 · Curators' summary", 'class="quote"', ">NPR</a>", 'class="select"', "Sources"])
      expect(html).toContain(part);
  });

  const folder = mkdtempSync(join(tmpdir(), "dossier-screenshots-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.skipIf(chromium === undefined)(
    `photographs them in headless Chromium${chromium === undefined ? " — skipped: Chromium is not installed (apt-get install chromium)" : ""}`,
    async () => {
      const written = await takeScreenshots(replies, folder, chromium ?? "");
      expect(written.map((path) => path.slice(folder.length + 1))).toEqual(
        expect.arrayContaining(["ask.png", "demand.png", "demand-list.png", "sources.png"]),
      );
      const picture = decode(readFileSync(join(folder, "ask.png")));
      expect(picture.width).toBe(800);
      expect(picture.height).toBeGreaterThan(400);
    },
    60_000,
  );
});
