import { describe, expect, it } from "vitest";
import { rankMatches, relevanceOf } from "../../src/answer/ask/ranking.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import { createSearchIndex } from "../../src/search/search-index.ts";
import { fixtureCorpus } from "./fixture-dossier.ts";

const corpus = fixtureCorpus();
const analyzer = createAnalyzer(corpus.synonyms);
const index = createSearchIndex(corpus, analyzer);
const match = (question: string) => index.match(analyzer.query(question));
const passages = (kind: string) => kind === "passage";

describe("ranked hits", () => {
  it("read one batch after another give the order of ranking everything at once", () => {
    for (const question of ["Russia NATO Ukraine security", "missiles in Europe", "why now"]) {
      const matches = match(question);
      const everything = matches.best(matches.count, relevanceOf, passages);
      expect(everything.length).toBeGreaterThan(10);
      // A first batch of one hit, then 4, 16, 64…: every batch boundary is crossed.
      const hits = rankMatches(matches, passages, 1);
      const read = [];
      for (let i = 0; hits.at(i) !== undefined; i++) read.push(hits.at(i));
      expect(read).toEqual(everything);
      expect(hits.first(7)).toEqual(everything.slice(0, 7));
    }
  });

  it("give each hit its relevance", () => {
    const hits = rankMatches(match("missiles"), () => true, 2);
    const first = hits.at(0);
    expect(first?.relevance).toBe(relevanceOf(first?.score ?? 0, first?.coverage ?? 0));
    expect(first?.relevance).toBeGreaterThan(0);
  });
});
