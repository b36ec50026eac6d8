import type { SearchKind } from "./search-documents.ts";
import type { SearchHit } from "./search-index.ts";

/** Orders hits: higher first. */
export type HitRank = (score: number, coverage: number, similarity: number, phrasing: number) => number;
/** Which hits to consider at all. */
export type HitKeep = (kind: SearchKind, coverage: number) => boolean;

/**
 * The documents matching one question, scored but not yet turned into hits: a question over
 * thousands of passages needs only its best few as objects. Read it before the next search (which
 * reuses its arrays: reading it then throws) and before the index changes.
 */
export interface SearchMatches {
  /** How many documents matched. */
  readonly count: number;
  /** The highest coverage of any match that has every named thing of the question (0 when none). */
  readonly bestCoverage: number;
  /** The highest coverage of any match, named things or not (0 when none). */
  readonly topCoverage: number;
  /**
   * How close the nearest of the questions the knowledge is known not to answer
   * (knowledge/not-covered.txt) is to the question: as the cosine of their embeddings (0 without
   * word vectors, or when none shares a content word with it), and as the share of words they have
   * in common (see Wordings).
   */
  nearestUnanswered(): NearestUnanswered;
  /**
   * The largest share of words, stop words included, one way of asking for the hit's document has
   * in common with the question (0…1; see Wordings). Measured when asked: only the best few need it.
   */
  wordingOf(hit: SearchHit): number;
  /** Every match as a hit, best score first. */
  all(): SearchHit[];
  /**
   * The `count` best matches that `keep` accepts, by `rank` (then by score, then as found). The
   * same document is always the same hit object, so hits from two calls can be compared.
   */
  best(count: number, rank: HitRank, keep?: HitKeep): SearchHit[];
}

export interface NearestUnanswered {
  similarity: number;
  wording: number;
}

export interface ScoredMatches {
  nearestUnanswered(): NearestUnanswered;
  scores: Float64Array;
  coverages: Float64Array;
  similarities: Float64Array;
  /** See SearchHit.phrasing. */
  phrasings: Float64Array;
  /** 1 where the match has every named thing of the question (see QueryWord.named). */
  named: Uint8Array;
  kindOf(i: number): SearchKind;
  /** Builds the hit of the i-th match. */
  hitOf(i: number): SearchHit;
  /** See SearchMatches.wordingOf. */
  wordingOf(i: number): number;
}

/** Whether match a comes before match b: rank, then score, then the order found (as a stable sort). */
function before(ranks: Float64Array, scores: Float64Array, a: number, b: number): boolean {
  if (ranks[a] !== ranks[b]) return (ranks[a] as number) > (ranks[b] as number);
  if (scores[a] !== scores[b]) return (scores[a] as number) > (scores[b] as number);
  return a < b;
}

/**
 * The top `count` of `candidates` in order, keeping a small heap whose root is the worst kept so
 * far: one pass over thousands of matches instead of sorting them all.
 */
function topOf(candidates: Int32Array, ranks: Float64Array, scores: Float64Array, count: number): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(ranks, scores, b, a);
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
      if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (const candidate of candidates) {
    if (heap.length < count) {
      heap.push(candidate);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at] as number, heap[parent] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (count > 0 && before(ranks, scores, candidate, heap[0] as number)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(ranks, scores, a, b) ? -1 : 1));
}

/**
 * A typed array reused by every search, grown as needed: the function returned gives its first
 * `length` elements, as the last search left them. Only the newest SearchMatches may be read, so one array
 * serves every search: at a hundred times the articles, arrays made afresh for each search were most
 * of what it allocated, and a young-generation collection came every other question.
 */
export function reusedArray<A extends Float64Array | Int32Array | Uint8Array>(
  make: (length: number) => A,
): (length: number) => A {
  let buffer = make(64);
  return (length) => {
    if (buffer.length < length) buffer = make(length * 2);
    return buffer.subarray(0, length) as A;
  };
}

/** Numbers each SearchMatches: only the newest may be read. */
let searches = 0;
const keptBuffer = reusedArray((length) => new Int32Array(length));
const ranksBuffer = reusedArray((length) => new Float64Array(length));
const rankedBuffer = reusedArray((length) => new Uint8Array(length));

export function searchMatches(matches: ScoredMatches): SearchMatches {
  const search = ++searches;
  const readable = () => {
    if (search !== searches)
      throw new Error("search matches read after a later search, which reuses their arrays: read them first");
  };
  const { scores, coverages, similarities } = matches;
  const count = scores.length;
  const hits = new Map<number, SearchHit>();
  const matchOfHit = new Map<SearchHit, number>();
  const hitOf = (i: number) => {
    let hit = hits.get(i);
    if (!hit) {
      hit = matches.hitOf(i);
      hits.set(i, hit);
      matchOfHit.set(hit, i);
    }
    return hit;
  };
  let rankedBy: HitRank | undefined;
  let ranks = new Float64Array(0);
  /** 1 where `ranks` holds the match's rank by `rankedBy`. */
  let ranked = new Uint8Array(0);
  let bestCoverage = 0;
  let topCoverage = 0;
  // A loop, not forEach: a typed array's numbers passed to a callback were boxed, one each.
  for (let i = 0; i < count; i++) {
    const coverage = coverages[i] as number;
    topCoverage = Math.max(topCoverage, coverage);
    if (matches.named[i] === 1) bestCoverage = Math.max(bestCoverage, coverage);
  }
  return {
    count,
    nearestUnanswered() {
      readable();
      return matches.nearestUnanswered();
    },
    wordingOf(hit) {
      readable();
      const i = matchOfHit.get(hit);
      return i === undefined ? 0 : matches.wordingOf(i);
    },
    bestCoverage,
    topCoverage,
    all() {
      readable();
      const order = Array.from({ length: count }, (_, i) => i);
      return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b).map(hitOf);
    },
    best(wanted, rank, keep) {
      readable();
      // An answer asks for its best hits more than once, by the same rank: each is ranked once.
      if (rank !== rankedBy) {
        rankedBy = rank;
        ranks = ranksBuffer(count);
        ranked = rankedBuffer(count).fill(0);
      }
      const kept = keptBuffer(count);
      let n = 0;
      for (let i = 0; i < count; i++) {
        const coverage = coverages[i] as number;
        if (keep && !keep(matches.kindOf(i), coverage)) continue;
        kept[n++] = i;
        if (ranked[i] === 1) continue;
        ranked[i] = 1;
        ranks[i] = rank(
          scores[i] as number,
          coverage,
          similarities[i] as number,
          matches.phrasings[i] as number,
        );
      }
      return topOf(kept.subarray(0, n), ranks, scores, wanted).map(hitOf);
    },
  };
}
