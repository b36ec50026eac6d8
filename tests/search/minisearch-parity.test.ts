import fc from "fast-check";
import MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { describe, expect, it } from "vitest";
import type { QaEntry } from "../../src/knowledge/schema.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import { editDistance } from "../../src/search/edit-distance.ts";
import type { TermPostings } from "../../src/search/inverted-index.ts";
import type { QueryPlan } from "../../src/search/query-plan.ts";
import {
  corpusDocuments,
  FIELD_BOOSTS,
  qaDocument,
  SEARCH_FIELDS,
  type SearchDocument,
  STORED_FIELDS,
} from "../../src/search/search-documents.ts";
import { createSearchIndex, type SearchFilter } from "../../src/search/search-index.ts";
import { PHRASE_JOINER } from "../../src/search/synonym-table.ts";
import { expandTerm } from "../../src/search/term-expansion.ts";
import { typoEdits } from "../../src/search/typos.ts";
import { fixtureCorpus } from "../answer/fixture-dossier.ts";

/**
 * The index sums BM25+ itself, in place, instead of asking MiniSearch for a result object per
 * document. These tests hold it to MiniSearch's own scores, bit for bit: the same documents, the same
 * scores, the same matched terms, for typed words, synonyms, prefixes and typo corrections, and after
 * a guild's entries come and go. Two kinds of typo differ on purpose, and the tests set them apart:
 * two letters swapped, and a correction with another first letter.
 */
const corpus = fixtureCorpus();
const analyzer = createAnalyzer(corpus.synonyms);
/** Every term the index holds: the documents' fields as the analyzer reads them. */
const stemsIndexed = new Set(
  corpusDocuments(corpus).flatMap((document) =>
    SEARCH_FIELDS.flatMap((field) => {
      const text = (document as unknown as Record<string, unknown>)[field];
      return typeof text === "string" ? [...analyzer.indexTerms(text)] : [];
    }),
  ),
);

function referenceIndex(documents: SearchDocument[]) {
  const miniSearch = new MiniSearch<SearchDocument>({
    fields: SEARCH_FIELDS,
    storeFields: STORED_FIELDS,
    tokenize: (text) => [...analyzer.indexTerms(text)],
    processTerm: (term) => term,
  });
  miniSearch.addAll(documents);
  return miniSearch;
}

function pair() {
  const index = createSearchIndex(corpus, analyzer);
  const reference = referenceIndex(corpusDocuments(corpus));
  /** Both indexes' hits for a plan, as "kind ref" → score and matched document terms. */
  const editsOf = (plan: QueryPlan) =>
    plan.terms.map((term) =>
      term.original && !index.statistics.known(term.term) && !term.term.includes(PHRASE_JOINER)
        ? typoEdits(
            term.term,
            term.words.some((w) => plan.words[w]?.capitalized),
          )
        : 0,
    );
  /**
   * Whether a typo of the plan is within its edits of an index term with another first letter: the
   * index does not take that for its correction ("pope" is not "hope"), MiniSearch's fuzzy walk does.
   */
  const reachesAnotherLetter = (plan: QueryPlan) => {
    const edits = editsOf(plan);
    return plan.terms.some(
      (term, i) =>
        (edits[i] ?? 0) > 0 &&
        [...stemsIndexed].some(
          (indexed) =>
            indexed[0] !== term.term[0] && editDistance(term.term, indexed, edits[i]) <= (edits[i] ?? 0),
        ),
    );
  };
  const compare = (plan: QueryPlan, filter: SearchFilter = {}) => {
    const edits = editsOf(plan);
    const terms = plan.terms.map((term) => term.term);
    const expected =
      terms.length === 0
        ? []
        : reference.search(terms.join(" "), {
            tokenize: () => terms,
            processTerm: (term) => term,
            boost: FIELD_BOOSTS,
            boostTerm: (_term, i) => plan.terms[i]?.weight ?? 1,
            fuzzy: (_term, i) => edits[i] || false,
            prefix: (_term, i) => plan.terms[i]?.prefix === true,
            filter: (result) =>
              (filter.kinds === undefined || filter.kinds.includes(result.kind)) &&
              (result.guildId === undefined || result.guildId === filter.guildId),
          });
    const actual = index.search(plan, filter);
    return {
      actual: actual.map((hit) => [`${hit.kind} ${hit.ref}`, hit.score] as const),
      expected: expected.map((result) => [`${result.kind} ${result.ref}`, result.score] as const),
      actualTerms: actual.map((hit) => new Set(hit.matchedTerms)),
      expectedTerms: expected.map((result) => new Set<string>(result.terms)),
    };
  };
  return { index, reference, compare, reachesAnotherLetter };
}

const expectSame = ({ actual, expected }: ReturnType<ReturnType<typeof pair>["compare"]>) => {
  expect(actual).toEqual(expected);
};

const QUESTIONS = [
  "What does Russia want from NATO?",
  "why now",
  "Stoltenburg",
  "Ryabkof said what about the talks",
  "intermediat range missles in europe",
  "U.S. position on the draft treaties",
  "sphere of influence",
  "is Putin scared of american rockets near Moscow",
  "what did Macron say about Ukraine",
  "minsk agreem",
  "Kiev",
  "2008 Bucharest summit",
];

describe("scores as MiniSearch gives them", () => {
  const { compare, index, reachesAnotherLetter } = pair();

  it("for typed words, synonyms, prefixes and typos, in the same order", () => {
    // A question whose typo reaches a word with another first letter differs on purpose (see below).
    const compared = QUESTIONS.filter(
      (question) => !reachesAnotherLetter(analyzer.query(question, { prefixLastWord: true })),
    );
    expect(compared.length).toBeGreaterThanOrEqual(QUESTIONS.length - 1);
    for (const question of compared) {
      const result = compare(analyzer.query(question, { prefixLastWord: true }));
      expect(result.actual.length, question).toBeGreaterThan(0);
      expectSame(result);
    }
  });

  it("with the document terms each hit matched (prefix completions and corrections among them)", () => {
    const result = compare(analyzer.query("Stoltenburg ukrain", { prefixLastWord: true }));
    // MiniSearch also lists completions a typo reaches that are not believable; the index keeps
    // only those meant, so its terms are a subset, never a different set.
    result.actualTerms.forEach((terms, i) => {
      for (const term of terms) expect(result.expectedTerms[i]?.has(term)).toBe(true);
    });
    expect(result.actualTerms[0]?.has("stoltenberg")).toBe(true);
  });

  it("with a kind filter", () => {
    expectSame(compare(analyzer.query("missiles in Europe"), { kinds: ["demand", "quote"] }));
  });

  it("for any mix of the articles' words, misspelt or not", () => {
    const words = [
      ...new Set(corpus.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.text.split(/\s+/)))),
    ].filter((word) => /^[A-Za-z]{3,}$/.test(word));
    const misspelt = fc
      .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom("drop", "double", "swap", "keep"))
      .map(([word, at, how]) => {
        const i = at % word.length;
        if (how === "drop") return word.slice(0, i) + word.slice(i + 1);
        if (how === "double") return word.slice(0, i) + word[i] + word.slice(i);
        if (how === "swap" && i + 1 < word.length)
          return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        return word;
      });
    fc.assert(
      fc.property(fc.array(misspelt, { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, prefix) => {
        const plan = analyzer.query(parts.join(" "), { prefixLastWord: prefix });
        // Two letters swapped are one typo to the index and two to MiniSearch's fuzzy walk: where
        // that tells, the two differ on purpose (see the next test).
        fc.pre(!plan.terms.some((term) => swapReaches(term.term)) && !reachesAnotherLetter(plan));
        expectSame(compare(plan));
      }),
      { seed: 20220110, numRuns: 150 },
    );
  });

  it("but takes no correction with another first letter, where MiniSearch's fuzzy walk does", () => {
    // "Scare" is one letter from words starting otherwise; the index takes only those it starts like.
    const terms = new SearchableMap<TermPostings>();
    for (const stem of stemsIndexed) terms.set(stem, []);
    const walked = [...terms.fuzzyGet("scare", 1).keys()].filter((term) => term !== "scare");
    const taken = expandTerm(terms, "scare", { prefix: false, edits: 1 }).map((expanded) => expanded.term);
    expect(walked.filter((term) => !term.startsWith("s"))).not.toEqual([]);
    expect(taken.filter((term) => !term.startsWith("s"))).toEqual([]);
    expect(taken.sort()).toEqual(walked.filter((term) => term.startsWith("s")).sort());
  });

  it("but corrects two letters swapped as one typo, where MiniSearch counts two", () => {
    // "Ukriane": one swap from the index's "ukrain", two edits for MiniSearch, which allows one in
    // seven letters and so finds nothing.
    const plan = analyzer.query("Ukriane");
    const { actual, expected } = compare(plan);
    expect(expected).toEqual([]);
    expect(actual.length).toBeGreaterThan(0);
    expect(index.search(plan)[0]?.matchedTerms).toContain("ukrain");
  });
});

/** Whether swapping two neighbouring letters (past the first) of a term reaches another index term. */
function swapReaches(term: string): boolean {
  for (let i = 1; i + 1 < term.length; i++) {
    const swapped = `${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`;
    if (swapped !== term && stemsIndexed.has(swapped)) return true;
  }
  return false;
}

describe("a guild's entries, as MiniSearch adds, replaces and discards them", () => {
  const entry = (id: string, question: string, alternatives: string[]): QaEntry => ({
    id,
    question,
    alternatives,
    answer: "Trenin mentions it.",
    citations: [
      {
        article: "trenin-2021-12-28",
        paragraph: 12,
        excerpt: "Russia could be provoked into placing more short-range missiles in Kaliningrad",
      },
    ],
  });

  it("keeps the scores equal after each change", async () => {
    const { index, reference, compare } = pair();
    const plan = analyzer.query("Which reading covers Kaliningrad missiles and the exclave?");
    const filter = { guildId: "guild-a" };
    const steps: Array<[string, QaEntry]> = [
      ["guild-a", entry("week-3", "Which reading covers Kaliningrad?", ["exclave"])],
      ["guild-a", entry("week-4", "Where are the short-range missiles?", [])],
      ["guild-b", entry("week-3", "Kaliningrad for guild b", ["exclave", "enclave"])],
      ["guild-a", entry("week-3", "Which reading covers Kaliningrad now?", ["province", "exclave"])],
    ];
    for (const [guildId, qa] of steps) {
      index.upsertGuildQa(guildId, qa);
      const document = qaDocument(qa, guildId);
      if (reference.has(document.id)) reference.replace(document);
      else reference.add(document);
      // MiniSearch cleans a discarded document out of its postings lazily; vacuum first, so both
      // compare the same live documents.
      await reference.vacuum();
      expectSame(compare(plan, filter));
    }
    index.removeGuildQa("guild-a", "week-3");
    reference.discard(qaDocument(entry("week-3", "", []), "guild-a").id);
    await reference.vacuum();
    expectSame(compare(plan, filter));
    expectSame(compare(plan, { guildId: "guild-b" }));
  });
});
