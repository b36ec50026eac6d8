import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import type { QaEntry } from "../../src/knowledge/schema.ts";
import type { QaContent } from "../../src/store/qa-records.ts";
import { type EntryValidationContext, validateEntry } from "../../src/store/validate-entry.ts";
import { articleCorpus, citationFrom } from "./fixtures/article-corpus.ts";

const GLOBAL_QA: QaEntry = {
  id: "why-now",
  question: "Why is Russia pushing these demands right now?",
  alternatives: [],
  answer: "Because of a sense of urgency.",
  citations: [],
};

let corpus: Corpus;
let valid: QaContent;
beforeAll(() => {
  corpus = articleCorpus([GLOBAL_QA]);
  valid = {
    question: "What changed in the Kremlin?",
    alternatives: ["kremlin urgency"],
    answer: "The sense of urgency did.",
    citations: [citationFrom(corpus, "fp-mackinnon", 3)],
  };
});

const inGuild: Record<string, { id: string; status: "active" | "removed" }> = {
  "does nato have an open door": { id: "open-door", status: "active" },
  "what was bucharest": { id: "bucharest", status: "removed" },
};
const context = (): EntryValidationContext => ({ corpus, findGuildQuestion: (key) => inGuild[key] });

function problemsOf(input: unknown, ctx = context()): string[] {
  const result = validateEntry(input, ctx);
  return result.ok ? [] : result.problems;
}

describe("validateEntry", () => {
  it("accepts a valid entry, trimming the text and dropping blank alternatives", () => {
    const result = validateEntry(
      { ...valid, question: `  ${valid.question}\n`, alternatives: ["  kremlin urgency ", " ", "\u200B"] },
      context(),
    );
    expect(result).toEqual({
      ok: true,
      content: { ...valid, alternatives: ["kremlin urgency"] },
      questionKey: "what changed in the kremlin",
    });
  });

  it("refuses empty, invisible, too short and too long text with sentences that say how to fix it", () => {
    expect(problemsOf({ ...valid, question: "   " })).toEqual(["The question is empty: type a few words."]);
    expect(problemsOf({ ...valid, question: "\u200B\u200C\u200D\uFEFF" })).toEqual([
      "The question is empty: type a few words.",
    ]);
    expect(problemsOf({ ...valid, answer: "ok" })).toEqual([
      "The answer is too short: write at least 3 characters.",
    ]);
    expect(problemsOf({ ...valid, question: `${"a".repeat(300)}?` })).toEqual([
      "The question is 301 characters long: shorten it to 300 or fewer.",
    ]);
    const alternatives = Array.from({ length: 11 }, (_, i) => `${i}`.padEnd(99, "x"));
    expect(problemsOf({ ...valid, alternatives })).toEqual([
      "The alternatives are 1099 characters long: keep them under 1000.",
    ]);
  });

  it("refuses an entry without citations", () => {
    expect(problemsOf({ ...valid, citations: [] })).toEqual([
      "Add at least one citation: an excerpt copied word for word from an article.",
    ]);
  });

  it("names the unknown article, the missing paragraph and the refused republication", () => {
    const excerpt = "a formal halt to NATO";
    expect(problemsOf({ ...valid, citations: [{ article: "fp-makinnon", paragraph: 3, excerpt }] })).toEqual([
      'There is no article "fp-makinnon": use one of fp-mackinnon, npr-2022-01-12, trenin-2021-12-28, wapo-sonne.',
    ]);
    expect(
      problemsOf({ ...valid, citations: [{ article: "fp-mackinnon", paragraph: 99, excerpt }] }),
    ).toEqual([
      `fp-mackinnon has no ¶99: its paragraphs are ¶1 to ¶${corpus.articles.find((a) => a.id === "fp-mackinnon")?.paragraphs.length}.`,
    ]);
    const republished = citationFrom(corpus, "trenin-republished", 1);
    expect(problemsOf({ ...valid, citations: [republished] })).toEqual([
      '"trenin-republished" republishes trenin-2021-12-28 and is never quoted: cite trenin-2021-12-28 instead.',
    ]);
  });

  it("refuses an excerpt that is not verbatim, and points to the paragraph that has it", () => {
    const fromThree = citationFrom(corpus, "fp-mackinnon", 3);
    const misplaced = { ...fromThree, paragraph: 1 };
    expect(problemsOf({ ...valid, citations: [misplaced] })).toEqual([
      `The excerpt "${fromThree.excerpt}" is not in fp-mackinnon ¶1 but in fp-mackinnon ¶3: correct the reference.`,
    ]);
    const reworded = { ...fromThree, excerpt: `${fromThree.excerpt} invented words` };
    expect(problemsOf({ ...valid, citations: [reworded] })[0]).toMatch(
      /is not word for word in fp-mackinnon ¶3: copy it exactly/,
    );
    const zeroWidth = { ...fromThree, excerpt: fromThree.excerpt.replace(" ", " \u200B") };
    expect(problemsOf({ ...valid, citations: [zeroWidth] })[0]).toMatch(/invisible characters/);
    // Typing straight quotes and different spacing is not a change of words.
    const curly = citationFrom(corpus, "fp-mackinnon", 3, 30);
    expect(curly.excerpt).toContain("’");
    const plain = { ...curly, excerpt: `  ${curly.excerpt.replace(/’/g, "'").replace(/ /g, "   ")}` };
    expect(problemsOf({ ...valid, citations: [plain] })).toEqual([]);
  });

  it("refuses a question already in the guild or in knowledge/qa.yaml, folding case, spacing and punctuation", () => {
    expect(problemsOf({ ...valid, question: "Does  NATO have an OPEN door?" })).toEqual([
      'This server already has this question as entry "open-door": edit that entry instead.',
    ]);
    expect(problemsOf({ ...valid, question: "What was Bucharest" })).toEqual([
      'This server has this question in the removed entry "bucharest": restore that entry instead.',
    ]);
    expect(problemsOf({ ...valid, question: "why is russia pushing these demands RIGHT now" })).toEqual([
      'The curated entry "why-now" already answers this question in every server: ask it differently or rely on that entry.',
    ]);
    // Editing an entry keeps its own question.
    const editing = { ...context(), editingId: "open-door" };
    expect(problemsOf({ ...valid, question: "Does NATO have an open door?" }, editing)).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(problemsOf({ question: "", alternatives: "nope", answer: 42, citations: [] })).toHaveLength(4);
    expect(problemsOf(undefined)).toEqual(["The entry must have a question, an answer and citations."]);
  });
});
