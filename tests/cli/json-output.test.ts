import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { findParagraph } from "../../src/knowledge/corpus.ts";
import { answerToJson, jsonAnswerSchema, jsonSourcesSchema } from "../../src/render/json.ts";
import { isVerbatimIn } from "../../src/text/fold.ts";
import { captureIo } from "./capture-io.ts";
import { shippedContext } from "./shipped-context.ts";

/** Each answer sub-command, and the core call the matching slash command makes. */
const CASES: Array<{ args: string[]; core: (dossier: Dossier) => Answer }> = [
  { args: ["ask", "why", "now?"], core: (d) => d.ask("why now?") },
  {
    args: ["ask", "what", "did", "Ryabkov", "say?", "--article", "npr-2022-01-12"],
    core: (d) => d.ask("what did Ryabkov say?", { article: "npr-2022-01-12" }),
  },
  {
    // Asked of an article that does not cover it: the others' answer, with the article asked of.
    args: ["ask", "what", "did", "ryabkov", "say", "about", "guarantees", "--article", "trenin"],
    core: (d) => d.ask("what did ryabkov say about guarantees", { article: "trenin" }),
  },
  { args: ["demand"], core: (d) => d.demands() },
  { args: ["demand", "missiles"], core: (d) => d.demands("missiles") },
  { args: ["quote", "--speaker", "Putin"], core: (d) => d.quotes({ speaker: "Putin" }) },
  {
    args: ["quote", "--speaker", "Jake Sullivan", "sanctions"],
    core: (d) => d.quotes({ speaker: "Jake Sullivan", topic: "sanctions" }),
  },
  {
    args: ["timeline", "--from", "2014", "--to", "2019"],
    core: (d) => d.timeline({ from: "2014", to: "2019" }),
  },
  { args: ["who", "Ryabkov"], core: (d) => d.who("Ryabkov") },
];

async function runJson(args: string[]) {
  const capture = captureIo();
  const code = await runCli([...args, "--json"], capture.io, { context: shippedContext });
  return { code, json: JSON.parse(capture.stdout()) as unknown, stderr: capture.stderr() };
}

describe("dossier <answer sub-command> --json", () => {
  for (const { args, core } of CASES) {
    it(`${args.join(" ")}: the contract, verbatim excerpts, the core's results in the core's order`, async () => {
      const { code, json, stderr } = await runJson(args);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const parsed = jsonAnswerSchema.parse(json);
      expect(parsed.results.length).toBeGreaterThan(0);
      const { corpus, dossier } = shippedContext();
      for (const result of parsed.results) {
        const paragraph = findParagraph(corpus, result.citation.article, result.citation.paragraph);
        expect(paragraph, `${result.citation.article} ¶${result.citation.paragraph}`).toBeDefined();
        expect(isVerbatimIn(result.excerpt, paragraph?.text ?? "")).toBe(true);
      }
      expect(parsed).toEqual(answerToJson(core(dossier)));
    });
  }

  it("ask names the article a question was asked of when the other articles answer it", async () => {
    const { json } = await runJson(["ask", "what did ryabkov say about guarantees", "--article", "trenin"]);
    expect(jsonAnswerSchema.parse(json)).toMatchObject({
      confident: false,
      notCoveredBy: { article: "trenin-2021-12-28" },
    });
  });

  it("source lists every article's metadata; source <id> gives that one", async () => {
    const all = jsonSourcesSchema.parse((await runJson(["source"])).json);
    const { corpus } = shippedContext();
    expect(all.articles.map((a) => a.id)).toEqual(corpus.articles.map((a) => a.id));
    const first = corpus.articles[0];
    if (first === undefined) throw new Error("the shipped knowledge has no articles");
    const one = jsonSourcesSchema.parse((await runJson(["source", first.id])).json);
    expect(one.articles).toHaveLength(1);
    expect(one.articles[0]?.title).toBe(first.title);
    expect(one.articles[0]?.paragraphs).toBe(first.paragraphs.length);
  });

  it("prints nothing but the JSON on stdout", async () => {
    const capture = captureIo();
    await runCli(["ask", "Minsk?", "--json"], capture.io, { context: shippedContext });
    expect(capture.stdout().trim().startsWith("{")).toBe(true);
    expect(capture.stdout().trim().endsWith("}")).toBe(true);
  });
});
