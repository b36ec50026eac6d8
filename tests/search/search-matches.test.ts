import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SearchKind } from "../../src/search/search-documents.ts";
import { searchMatches } from "../../src/search/search-matches.ts";

const KINDS: SearchKind[] = ["passage", "qa", "quote", "event", "demand"];

/** Matches with few distinct scores and coverages, so that ties are common. */
const matchList = fc.array(
  fc.record({
    score: fc.constantFrom(0.5, 1, 2, 3.25),
    coverage: fc.constantFrom(0, 0.25, 0.5, 1),
    kind: fc.constantFrom(...KINDS),
  }),
  { maxLength: 60 },
);

function matchesOf(list: ReadonlyArray<{ score: number; coverage: number; kind: SearchKind }>) {
  return searchMatches({
    nearestUnanswered: () => ({ similarity: 0, wording: 0 }),
    wordingOf: () => 0,
    scores: Float64Array.from(list, (m) => m.score),
    coverages: Float64Array.from(list, (m) => m.coverage),
    similarities: new Float64Array(list.length),
    phrasings: new Float64Array(list.length),
    named: new Uint8Array(list.length).fill(1),
    kindOf: (i) => list[i]?.kind ?? "passage",
    hitOf: (i) => ({
      kind: list[i]?.kind ?? "passage",
      ref: String(i),
      articles: [],
      score: list[i]?.score ?? 0,
      coverage: list[i]?.coverage ?? 0,
      matchedTerms: [],
      similarity: 0,
      phrasing: 0,
      closestWay: [],
    }),
  });
}

const rank = (score: number, coverage: number) => score * coverage ** 4;
const passagesOnly = (kind: SearchKind) => kind === "passage";

/** What sorting every match would give: rank, then score, then the order found (a stable sort). */
function sortedRefs(
  list: ReadonlyArray<{ score: number; coverage: number; kind: SearchKind }>,
  keep: (kind: SearchKind) => boolean,
) {
  return list
    .map((m, i) => ({ ...m, ref: String(i) }))
    .filter((m) => keep(m.kind))
    .sort((a, b) => b.score - a.score)
    .sort((a, b) => rank(b.score, b.coverage) - rank(a.score, a.coverage))
    .map((m) => m.ref);
}

describe("the best matches", () => {
  it("come in the order a stable sort by score, then by rank, gives", () => {
    fc.assert(
      fc.property(matchList, fc.nat({ max: 70 }), (list, count) => {
        const best = matchesOf(list).best(count, rank);
        expect(best.map((hit) => hit.ref)).toEqual(sortedRefs(list, () => true).slice(0, count));
      }),
      { seed: 20211217, numRuns: 300 },
    );
  });

  it("keep only what `keep` accepts", () => {
    fc.assert(
      fc.property(matchList, (list) => {
        const best = matchesOf(list).best(10, rank, passagesOnly);
        expect(best.map((hit) => hit.ref)).toEqual(sortedRefs(list, passagesOnly).slice(0, 10));
      }),
      { seed: 20211217, numRuns: 200 },
    );
  });

  it("of a larger batch begin with those of a smaller one, as the same hit objects", () => {
    fc.assert(
      fc.property(matchList, (list) => {
        const matches = matchesOf(list);
        const few = matches.best(5, rank);
        const more = matches.best(40, rank);
        expect(more.slice(0, few.length)).toEqual(few);
        few.forEach((hit, i) => {
          expect(more[i]).toBe(hit);
        });
      }),
      { seed: 20211217, numRuns: 200 },
    );
  });

  it("all() lists every match by score, in the order found on a tie, with the best coverage", () => {
    const list = [
      { score: 1, coverage: 0.5, kind: "passage" as const },
      { score: 2, coverage: 0.25, kind: "qa" as const },
      { score: 1, coverage: 1, kind: "quote" as const },
    ];
    const matches = matchesOf(list);
    expect(matches.all().map((hit) => hit.ref)).toEqual(["1", "0", "2"]);
    expect(matches.bestCoverage).toBe(1);
    expect(matches.count).toBe(3);
  });
});
