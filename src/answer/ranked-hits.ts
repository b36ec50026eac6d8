import type { HitKeep, SearchMatches } from "../search/search-matches.ts";
import { type RankedHit, relevanceOf, withRelevance } from "./ranking.ts";

/** Hits built at first: the terms of the best 20 are read, and a five-result answer rarely needs more. */
const FIRST_BATCH = 20;

/**
 * The kept matches of a search in relevance order, as far as they are read. Read by index, not
 * through a generator: on Node 20 an abandoned generator kept what it had referenced alive through
 * young-generation collections, which then took milliseconds each.
 */
export interface RankedHits {
  /** The hit at `index` (0 = the most relevant), or undefined past the last. */
  at(index: number): RankedHit | undefined;
  first(count: number): RankedHit[];
}

/**
 * Ranks the matches a batch at a time: an answer reads its first few hits, and only when many of
 * them come to nothing (passages already shown) does it read on, each batch four times the last.
 */
export function rankMatches(matches: SearchMatches, keep: HitKeep, firstBatch = FIRST_BATCH): RankedHits {
  let fetched: RankedHit[] = [];
  let exhausted = false;
  const fetch = (count: number) => {
    if (exhausted || fetched.length >= count) return;
    const size = Math.max(count, firstBatch, fetched.length * 4);
    const hits = matches.best(size, relevanceOf, keep);
    fetched = hits.map(withRelevance);
    exhausted = hits.length < size;
  };
  return {
    at(index) {
      fetch(index + 1);
      return fetched[index];
    },
    first(count) {
      fetch(count);
      return fetched.slice(0, count);
    },
  };
}
