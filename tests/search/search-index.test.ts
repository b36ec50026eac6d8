import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import type { QaEntry } from "../../src/knowledge/schema.ts";
import type { WordVectors } from "../../src/knowledge/word-vectors.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import {
  type AnalysedDocument,
  AnalysesPacker,
  analyseDocument,
  analysesReader,
} from "../../src/search/document-terms.ts";
import { WordingIndex, Wordings } from "../../src/search/phrasings.ts";
import { stemsOf } from "../../src/search/query-plan.ts";
import { corpusDocuments, knowledgeTexts } from "../../src/search/search-documents.ts";
import { createSearchIndex } from "../../src/search/search-index.ts";
import { createSemantic, semanticTables } from "../../src/search/semantic.ts";
import { fixtureCorpus } from "../answer/fixture-dossier.ts";

function freshIndex() {
  const corpus = fixtureCorpus();
  const analyzer = createAnalyzer(corpus.synonyms);
  const index = createSearchIndex(corpus, analyzer);
  const search = (question: string, filter = {}) => index.search(analyzer.query(question), filter);
  return { index, search };
}

const guildEntry: QaEntry = {
  id: "study-week-3",
  question: "Which reading covers Kaliningrad?",
  alternatives: ["exclave"],
  answer: "Trenin mentions it.",
  citations: [
    {
      article: "trenin-2021-12-28",
      paragraph: 12,
      excerpt: "Russia could be provoked into placing more short-range missiles in Kaliningrad",
    },
  ],
};

describe("search index", () => {
  it("never indexes the republished article", () => {
    const { search } = freshIndex();
    const hits = search("What Putin Really Wants in Ukraine NATO Kremlin Russia");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.flatMap((hit) => hit.articles)).not.toContain("trenin-republished");
  });

  it("finds names through typos in words it does not know", () => {
    const { search } = freshIndex();
    expect(search("Stoltenburg", { kinds: ["passage"] })[0]?.ref).toBe("fp-mackinnon#17");
    expect(search("Ryabkof", { kinds: ["quote"] }).map((hit) => hit.ref)).toContain("ryabkov-no-deadlines");
    const [best] = search("Stoltenburg", { kinds: ["passage"] });
    expect(best?.matchedTerms).toContain("stoltenberg");
  });

  it("does not count an implausible correction as covering the word", () => {
    const { search } = freshIndex();
    // "pope" is one edit from "hope" (fp-mackinnon ¶9), but typists rarely change the first letter.
    const hits = search("Pope");
    expect(hits.every((hit) => hit.coverage === 0)).toBe(true);
  });

  it("reaches a passage through a synonym, below the word itself", () => {
    const { search } = freshIndex();
    const rockets = search("rockets", { kinds: ["passage"] });
    expect(rockets.map((hit) => hit.ref)).toContain("npr-2022-01-12#11"); // says "missiles" only
    const literal = rockets.find((hit) => hit.ref === "npr-2022-01-12#10"); // says "rockets" itself
    const synonym = rockets.find((hit) => hit.ref === "npr-2022-01-12#11");
    expect(literal?.score).toBeGreaterThan(synonym?.score ?? Number.POSITIVE_INFINITY);
  });

  it("filters by kind and by article", () => {
    const { search } = freshIndex();
    expect(search("missiles", { kinds: ["demand"] }).map((hit) => hit.kind)).toEqual(["demand"]);
    const inTrenin = search("missiles", { article: "trenin-2021-12-28" });
    expect(inTrenin.length).toBeGreaterThan(0);
    expect(inTrenin.every((hit) => hit.articles.includes("trenin-2021-12-28"))).toBe(true);
  });

  it("shows a guild's entry to that guild only, at once, and forgets it when removed", () => {
    const { index, search } = freshIndex();
    const refs = (guildId?: string) => search("exclave", { kinds: ["qa"], guildId }).map((hit) => hit.ref);
    expect(refs("guild-a")).toEqual([]);
    index.upsertGuildQa("guild-a", guildEntry);
    expect(refs("guild-a")).toEqual(["study-week-3"]);
    expect(refs("guild-b")).toEqual([]);
    expect(refs(undefined)).toEqual([]);
    index.upsertGuildQa("guild-a", { ...guildEntry, alternatives: ["province"] });
    expect(refs("guild-a")).toEqual([]);
    expect(search("province", { kinds: ["qa"], guildId: "guild-a" }).map((hit) => hit.ref)).toEqual([
      "study-week-3",
    ]);
    index.removeGuildQa("guild-a", "study-week-3");
    expect(search("province", { kinds: ["qa"], guildId: "guild-a" })).toEqual([]);
  });

  it("reuses its arrays from one search to the next: a search's matches are read before the next", () => {
    const { index } = freshIndex();
    const plan = (question: string) => index.analyzer.query(question);
    const refs = (hits: ReadonlyArray<{ ref: string; score: number; coverage: number }>) =>
      hits.map((hit) => `${hit.ref} ${hit.score} ${hit.coverage}`);
    const alone = refs(index.match(plan("what did ryabkov say after geneva")).all());
    const earlier = index.match(plan("why does russia oppose nato expansion"));
    expect(earlier.all().length).toBeGreaterThan(0);
    // A later search writes over the arrays the earlier one reads: reading it then is an error, not
    // a wrong answer.
    const later = index.match(plan("what did ryabkov say after geneva"));
    expect(() => earlier.best(3, (score) => score)).toThrow(/later search/);
    expect(() => earlier.all()).toThrow(/later search/);
    expect(refs(later.all())).toEqual(alone);
  });

  it("gives each hit the terms of its way of asking closest to the question", () => {
    const { index, search } = freshIndex();
    index.upsertGuildQa("guild-a", {
      ...guildEntry,
      alternatives: ["exclave", "the baltic outpost of russia"],
    });
    const [hit] = search("what about that outpost on the baltic", { kinds: ["qa"], guildId: "guild-a" });
    expect(hit?.closestWay).toEqual(["baltic", "outpost", "russia"]);
    // The entry's own question is a way of asking for it too ("reading" is not searched for).
    const [other] = search("Kaliningrad", { kinds: ["qa"], guildId: "guild-a" });
    expect(other?.ref).toBe("study-week-3");
    expect(other?.closestWay).toEqual(["cover", "kaliningrad"]);
  });
});

describe("documents analysed once and kept", () => {
  it("read back as analysed, and indexed as when analysed again", () => {
    const corpus = fixtureCorpus();
    const analyzer = createAnalyzer(corpus.synonyms);
    const packer = new AnalysesPacker();
    const analyses = corpusDocuments(corpus).map((document) =>
      packer.add(analyseDocument(document, analyzer)),
    );
    expect(analyses.some((analysis) => analysis.fields.includes(undefined))).toBe(true);
    expect(analyses.some((analysis) => analysis.ways.length > 0)).toBe(true);
    const read = analysesReader(structuredClone(packer.packed()));
    expect(analyses.map(() => read())).toEqual(analyses);
    expect(read()).toBeUndefined();

    const again = analysesReader(packer.packed());
    const kept = createSearchIndex(corpus, analyzer, () => again() as AnalysedDocument);
    const fresh = createSearchIndex(corpus, analyzer);
    for (const question of [
      "what did ryabkov say",
      "kaliningrad exclave",
      "why does russia want guarantees",
    ]) {
      const hits = fresh.search(analyzer.query(question));
      expect(hits.length).toBeGreaterThan(0);
      expect(kept.search(analyzer.query(question))).toEqual(hits);
    }
  });
});

describe("documents embedded as questions reach them", () => {
  const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
  const semanticIndex = () => {
    const texts = corpus.articles.flatMap((article) => article.paragraphs.map((p) => p.text));
    const semantic = createSemantic(
      corpus.wordVectors as WordVectors,
      semanticTables(corpus.wordVectors as WordVectors, {
        documents: knowledgeTexts(corpus),
        paragraphs: texts,
        bylines: [],
      }),
    );
    const analyzer = createAnalyzer(corpus.synonyms, semantic);
    const index = createSearchIndex(corpus, analyzer);
    return { index, search: (question: string) => index.search(analyzer.query(question)) };
  };
  const questions = ["is putin bluffing", "what does russia want from nato", "who is ryabkov"];

  it("ranks and measures as when every document was embedded first", () => {
    const lazy = semanticIndex();
    const eager = semanticIndex();
    let slices = 0;
    while (eager.index.embedPending(50)) slices += 1;
    expect(slices).toBeGreaterThan(1);
    expect(eager.index.embedPending(50)).toBe(false);
    for (const question of questions) {
      const hits = lazy.search(question);
      expect(hits.some((hit) => hit.similarity > 0)).toBe(true);
      expect(hits).toEqual(eager.search(question));
    }
    // What the questions embedded is not embedded again; the rest still is.
    expect(lazy.index.embedPending(0)).toBe(true);
  });
});

describe("ways of asking compared word for word", () => {
  const analyzer = createAnalyzer([]);
  const wordsOf = (text: string) => stemsOf(analyzer.words(text));
  /** The share of words two texts have in common, counted the plain way. */
  const jaccard = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => {
    const x = new Set(a);
    const y = new Set(b);
    const shared = [...x].filter((word) => y.has(word)).length;
    return shared / (x.size + y.size - shared);
  };

  it("counts every word, stop words included, as analysed", () => {
    const list = new WordingIndex([
      wordsOf("why did the US quit the Open Skies treaty"),
      wordsOf("who won the cup"),
    ]);
    const closest = (question: string, content = wordsOf(question)) =>
      list.closest(wordsOf(question), content);
    // "why", "did", "the" count: embeddings and the index leave them out.
    expect(closest("Why did the U.S. quit Open Skies?")).toBe(
      jaccard(
        wordsOf("why did the us quit the open skies treaty"),
        wordsOf("why did the u.s. quit open skies"),
      ),
    );
    expect(closest("Who won the cup?")).toBe(1);
    expect(closest("nothing alike here")).toBe(0);
    // But only in a text with one of the question's content words: not the frame alone.
    expect(closest("who won the election", wordsOf("election"))).toBe(0);
    expect(closest("who won the election", wordsOf("won election"))).toBe(3 / 5);
  });

  it("finds the closest text as comparing with each would, through a list or a meter", () => {
    const word = fc.constantFrom(
      "why",
      "did",
      "the",
      "nato",
      "russia",
      "treaty",
      "quit",
      "talks",
      "when",
      "won",
    );
    const text = fc.array(word, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), text, (texts, question) => {
        const expected = Math.max(0, ...texts.map((t) => jaccard(t, question)));
        expect(new WordingIndex(texts).closest(question, question)).toBeCloseTo(expected, 12);
        const wordings = new Wordings();
        const encoded = wordings.encodeAll(texts);
        expect(wordings.meter(question)(encoded)).toBeCloseTo(expected, 12);
      }),
    );
  });
});
