import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findParagraph } from "../../../src/knowledge/corpus.ts";
import { type QaEntry, qaFileSchema } from "../../../src/knowledge/schema.ts";
import { EntryValidationError } from "../../../src/store/store-error.ts";
import { isVerbatimIn } from "../../../src/text/fold.ts";
import { citationFrom } from "../fixtures/article-corpus.ts";
import { openTestStore, sampleContent, type TestStore } from "../fixtures/test-store.ts";

const CURATED: QaEntry = {
  id: "kremlin-urgency",
  question: "Why is the Kremlin in a hurry?",
  alternatives: [],
  answer: "A curated answer.",
  citations: [],
};

describe("import and export", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore([CURATED]);
  });
  afterEach(() => t.cleanup());

  function entries(): QaEntry[] {
    return [
      { id: "ignored-id", ...sampleContent(t.corpus, "What did Russia ask for?") },
      {
        id: "another",
        question: "Who met in Geneva?",
        alternatives: ["geneva talks"],
        answer: "U.S. and Russian diplomats.",
        citations: [citationFrom(t.corpus, "npr-2022-01-12", 1, 9)],
      },
    ];
  }

  it("is idempotent: a second identical import changes nothing and writes no revision", async () => {
    expect(await t.store.importEntries("guild-1", entries(), "importer")).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    const revisions = await t.countRows("qa_revisions");
    expect(await t.store.importEntries("guild-1", entries(), "importer")).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await t.countRows("qa_revisions")).toBe(revisions);
    expect((await t.store.allActive("guild-1")).map((e) => e.id)).toEqual([
      "what-did-russia-ask-for",
      "who-met-in-geneva",
    ]);
  });

  it("updates an entry whose folded question matches only when its content differs", async () => {
    await t.store.importEntries("guild-1", entries(), "importer");
    const [first, second] = entries();
    if (!first || !second) throw new Error("fixture");
    const changed = { ...second, question: "who MET in  geneva", answer: "Diplomats of both countries." };
    expect(await t.store.importEntries("guild-1", [first, changed], "second-importer")).toEqual({
      added: 0,
      updated: 1,
      unchanged: 1,
    });
    const history = await t.store.history("guild-1", "who-met-in-geneva");
    expect(history.map((r) => [r.action, r.actor, r.snapshot.answer])).toEqual([
      ["import", "importer", "U.S. and Russian diplomats."],
      ["import", "second-importer", "Diplomats of both countries."],
    ]);
  });

  it("imports all or nothing, naming the entries at fault", async () => {
    const [first, second] = entries();
    if (!first || !second) throw new Error("fixture");
    const broken = { ...second, citations: [{ ...citationFrom(t.corpus, "fp-mackinnon", 2), paragraph: 1 }] };
    const twice = { ...first, id: "dup", question: first.question.toLowerCase() };
    const curated = { ...first, id: "curated", question: CURATED.question };
    const error = await t.store
      .importEntries("guild-1", [first, broken, twice, curated], "importer")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryValidationError);
    const problems = (error as EntryValidationError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^Entry 2 \("another"\): The excerpt .* is not in fp-mackinnon ¶1 but in fp-mackinnon ¶2/,
    );
    expect(problems[1]).toBe('Entry 3 ("dup"): it asks the same question as entry 1: keep one of them.');
    expect(problems[2]).toMatch(
      /^Entry 4 \("curated"\): The curated entry "kremlin-urgency" already answers/,
    );
    expect(await t.countRows("qa_entries")).toBe(0);
  });

  it("exports active entries in the knowledge format, with ids that do not clash with qa.yaml", async () => {
    await t.store.importEntries("guild-1", entries(), "importer");
    await t.store.add("guild-1", sampleContent(t.corpus, "Kremlin urgency?"), "u");
    const retired = await t.store.add("guild-1", sampleContent(t.corpus, "A retired question?"), "u");
    await t.store.remove("guild-1", retired.id, "No longer relevant.", "u");

    const exported = await t.store.exportEntries("guild-1", { reservedIds: ["who-met-in-geneva"] });
    expect(qaFileSchema.safeParse(exported).success).toBe(true);
    // "kremlin-urgency" belonged to the curated entry when the entry was added; "who-met-in-geneva"
    // is renamed because the export was told that knowledge/qa.yaml now has it.
    expect(exported.map((e) => e.id)).toEqual([
      "what-did-russia-ask-for",
      "who-met-in-geneva-2",
      "kremlin-urgency-2",
    ]);
    for (const citation of exported.flatMap((e) => e.citations)) {
      const paragraph = findParagraph(t.corpus, citation.article, citation.paragraph);
      expect(paragraph && isVerbatimIn(citation.excerpt, paragraph.text)).toBe(true);
    }
    // An export imports into another guild as it is.
    expect(await t.store.importEntries("guild-2", exported, "importer")).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
    });
  });
});
