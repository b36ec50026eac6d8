import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { answerToJson } from "../../src/render/json.ts";
import { formatPartialDate } from "../../src/text/partial-date.ts";
import { captureIo } from "./capture-io.ts";
import { shippedContext } from "./shipped-context.ts";

const ANSI_ESCAPE = `${String.fromCharCode(27)}[`;

async function human(args: string[], options: { color?: boolean; width?: number } = {}) {
  const capture = captureIo(options);
  const code = await runCli(args, capture.io, { context: shippedContext });
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("human output", () => {
  it("ask: every excerpt as a quote block followed by its citation line, in the core's order", async () => {
    const { code, stdout } = await human(["ask", "why", "now?"]);
    expect(code).toBe(0);
    const expected = answerToJson(shippedContext().dossier.ask("why now?")).results;
    let from = 0;
    for (const { excerpt, citation } of expected) {
      const quoted = stdout.indexOf(`> ${excerpt}`, from);
      expect(quoted, excerpt).toBeGreaterThanOrEqual(from);
      const lineAfter = stdout.slice(quoted).split("\n")[1] ?? "";
      expect(lineAfter).toMatch(new RegExp(`— ${citation.outlet} · .*¶${citation.paragraph}$`));
      from = quoted + 1;
    }
  });

  it("the citation line carries the outlet, author, date and paragraph, then the link", async () => {
    const { corpus } = shippedContext();
    const article = corpus.articles.find(
      (a) => a.url !== undefined && a.published !== undefined && a.authors.length > 0,
    );
    if (article === undefined || article.published === undefined || article.url === undefined) {
      throw new Error("the shipped knowledge has no article with a url, a date and an author");
    }
    const { stdout } = await human(["ask", "what", "does", "Russia", "want?", "--article", article.id]);
    const line = `— ${article.outlet} · ${article.authors.join(", ")} · ${formatPartialDate(article.published, "long")} · ¶`;
    const at = stdout.indexOf(line);
    expect(at).toBeGreaterThan(-1);
    expect(stdout.slice(at).split("\n")[1]?.trim()).toBe(article.url);
  });

  it("is plain text when stdout is not a terminal, bold only when it is", async () => {
    const plain = await human(["ask", "Bucharest", "summit"]);
    expect(plain.stdout).not.toContain(ANSI_ESCAPE);
    expect(plain.stdout).not.toMatch(/\*\w/);
    const coloured = await human(["ask", "Bucharest", "summit"], { color: true });
    expect(coloured.stdout).toContain(`${ANSI_ESCAPE}1m`);
  });

  it("wraps quote blocks to the terminal width", async () => {
    const { stdout } = await human(["ask", "why", "now?"], { width: 60 });
    const quoteLines = stdout.split("\n").filter((line) => line.trimStart().startsWith("> "));
    expect(quoteLines.length).toBeGreaterThan(0);
    for (const line of quoteLines) {
      const longestWord = Math.max(...line.split(" ").map((word) => word.length));
      expect(line.length <= 60 || longestWord > 30).toBe(true);
    }
  });

  it("refuses a flag given empty, rather than reading it as left out", async () => {
    const { code, stdout, stderr } = await human(["quote", "--speaker", ""]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(
      "--speaker is empty; give it a value (Who spoke, e.g. Putin), or leave it out.",
    );
  });

  it("says so when the articles do not cover the question", async () => {
    const question = "who won the 2018 World Cup?";
    const answer = shippedContext().dossier.ask(question);
    const { stdout } = await human(["ask", ...question.split(" ")]);
    expect(answer.confident).toBe(false);
    expect(stdout.split("\n")[0]).toMatch(/^The articles don't seem to cover that\./);
  });

  it("demand shows the reasoning and the Western response under their labels", async () => {
    const answer = shippedContext().dossier.demands("missiles");
    const labels = answer.results.flatMap((r) =>
      (r.sections ?? []).filter((s) => s.excerpts.length > 0).map((s) => s.label),
    );
    expect(labels.length).toBeGreaterThan(0);
    const { stdout } = await human(["demand", "missiles"]);
    for (const label of labels) expect(stdout).toContain(`${label}:`);
  });

  it("timeline is a dated list in the core's order", async () => {
    const answer = shippedContext().dossier.timeline({ from: "2014", to: "2019" });
    const { stdout } = await human(["timeline", "--from", "2014", "--to", "2019"]);
    const lines = stdout.split("\n");
    const datedLines = lines.flatMap((line, i) =>
      /^\[\d+\] Event/.test(line) ? [`${line}\n${lines[i + 1]}`] : [],
    );
    expect(datedLines).toHaveLength(answer.results.length);
    answer.results.forEach((result, i) => {
      expect(datedLines[i]).toContain(formatPartialDate(result.date ?? "", "long"));
      expect(datedLines[i]).toContain(result.heading ?? "");
    });
  });

  it("who shows the person's name and role", async () => {
    const person = shippedContext()
      .dossier.who("Ryabkov")
      .results.find((r) => r.person !== undefined)?.person;
    if (person === undefined) throw new Error("who Ryabkov returned no person");
    const { stdout } = await human(["who", "Ryabkov"]);
    expect(stdout).toContain(person.name);
    expect(stdout).toContain(person.role);
  });

  it("source lists the articles; source <id> shows one article's metadata", async () => {
    const sources = shippedContext().dossier.sources();
    const list = await human(["source"]);
    for (const source of sources) expect(list.stdout).toContain(`[${source.id}]`);
    const first = sources[0];
    if (first === undefined) throw new Error("no sources");
    const one = await human(["source", first.id]);
    expect(one.stdout.split("\n")[0]).toBe(first.title);
    expect(one.stdout).toMatch(new RegExp(`Paragraphs: +${first.paragraphs}$`, "m"));
    // Who contributed reporting without a byline is named too (NPR's Michele Kelemen).
    expect((await human(["source", "npr"])).stdout).toMatch(/^ {3}Contributors: Michele Kelemen$/m);
  });
});
