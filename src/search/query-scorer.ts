import type { InvertedIndex } from "./inverted-index.ts";
import { reusedArray } from "./search-matches.ts";
import { type ExpandedTerm, expandTerm } from "./term-expansion.ts";

export interface ScoredTerm {
  term: string;
  /** Multiplies the term's score (a synonym counts for less than a typed word). */
  boost: number;
  prefix: boolean;
  /** Typo corrections to look for (0: the term as it is). */
  edits: number;
  /**
   * For a term searched through its corrections: whether an index term the document matched
   * (through any question term) is a believable correction. Without one, the document still gets
   * the score but the term does not count as matched (see `ScoredDocuments.matchedSets`).
   */
  confirmedBy: ((indexed: string) => boolean) | undefined;
}

/** Every document matching a question, in the order MiniSearch would have met them. */
export interface ScoredDocuments {
  docs: Int32Array;
  /** Summed BM25+ times the number of question terms matched: MiniSearch's score. */
  scores: Float64Array;
  /** For each document, which entry of `matchedSets` lists the question terms it matched. */
  matchedSet: Int32Array;
  /** Distinct sets of matched question terms (indexes, ascending): documents share a few of them. */
  matchedSets: number[][];
  /** Each question term's index terms, as searched. */
  expansions: ExpandedTerm[][];
}

/** The i-th number of a list read within its length (a typed array's entry, a posting). */
const numberAt = (values: ArrayLike<number>, i: number): number => values[i] ?? 0;

/** Question terms whose expansions are remembered; past this many the memory starts again. */
const EXPANSIONS_REMEMBERED = 5_000;

/** Above this, stamps start again from 1 (after clearing), long before an Int32 overflows. */
const STAMP_LIMIT = 1 << 30;

/**
 * Sums a question's BM25+ scores straight into per-document arrays that live as long as the index,
 * so a question touching thousands of documents allocates a few small arrays rather than an object
 * per document. Stamps tell which entries belong to the current question (or term) without clearing.
 *
 * The layout. Documents are the inverted index's numbers, 0 to capacity − 1, and each array below
 * has one slot per document (grown with the index, never shrunk):
 * - for the current question, valid while `queryStamps[doc] === queryStamp`:
 *   `totals` (BM25+ summed over the question terms the document matched), `matchCounts` (how many
 *   it matched), `confirmable` (bit n: it matched the n-th typo term), and `termBits` (`words`
 *   32-bit words per document; bit i: it matched question term i outright);
 * - for the current question term, valid while `termStamps[doc] === termStamp`: `termScores`, the
 *   term's BM25+ summed over its expansions and fields;
 * - `evidence` (bit n: an index term the document contains confirms the n-th typo term), cleared
 *   as it is read;
 * - `touched` and `termTouched` list the documents the question and the current term met, in the
 *   order met (MiniSearch's), the first `touchedCount` / `termTouchedCount` of them.
 * Typed arrays read through the named accessors below: every document number is within the arrays.
 */
export function createQueryScorer(index: InvertedIndex, fieldBoosts: ReadonlyArray<number>) {
  let size = 0;
  let totals = new Float64Array(0);
  let termScores = new Float64Array(0);
  let termStamps = new Int32Array(0);
  let queryStamps = new Int32Array(0);
  let matchCounts = new Uint16Array(0);
  let evidence = new Uint32Array(0);
  let confirmable = new Uint32Array(0);
  let termTouched = new Int32Array(0);
  let touched = new Int32Array(0);
  let termBits = new Uint32Array(0);
  let termStamp = 0;
  let queryStamp = 0;
  // What a question's scoring returns, in arrays every question reuses: it is read as a search's
  // matches, which are read before the next search (see reusedArray).
  const docsBuffer = reusedArray((length) => new Int32Array(length));
  const scoresBuffer = reusedArray((length) => new Float64Array(length));
  const matchedSetBuffer = reusedArray((length) => new Int32Array(length));

  const normsOf = lengthNorms(index);
  const totalOf = (doc: number) => totals[doc] ?? 0;
  const termScoreOf = (doc: number) => termScores[doc] ?? 0;
  const matchCountOf = (doc: number) => matchCounts[doc] ?? 0;
  const evidenceOf = (doc: number) => evidence[doc] ?? 0;
  const confirmableOf = (doc: number) => confirmable[doc] ?? 0;

  // A question term's completions and corrections are a walk of the radix tree (a fuzzy one for
  // typos), the same for every question using the term: each is walked once, and walked again only
  // once documents were added, which alone bring new terms (postings change in place).
  const expanded = new Map<string, ExpandedTerm[]>();
  let expandedAt = -1;
  const expansionsOf = (term: ScoredTerm): ExpandedTerm[] => {
    if (expandedAt !== index.capacity() || expanded.size >= EXPANSIONS_REMEMBERED) {
      expanded.clear();
      expandedAt = index.capacity();
    }
    const key = `${term.prefix ? "prefix" : "word"} ${term.edits} ${term.term}`;
    let found = expanded.get(key);
    if (found === undefined) {
      found = expandTerm(index.terms, term.term, term);
      expanded.set(key, found);
    }
    return found;
  };

  const grow = (capacity: number) => {
    if (capacity <= size) return;
    size = Math.max(capacity, size * 2);
    totals = new Float64Array(size);
    termScores = new Float64Array(size);
    termStamps = new Int32Array(size);
    queryStamps = new Int32Array(size);
    matchCounts = new Uint16Array(size);
    evidence = new Uint32Array(size);
    confirmable = new Uint32Array(size);
    termTouched = new Int32Array(size);
    touched = new Int32Array(size);
    termStamp = 0;
    queryStamp = 0;
  };

  return function score(
    terms: ReadonlyArray<ScoredTerm>,
    visible: (doc: number) => boolean,
  ): ScoredDocuments {
    grow(index.capacity());
    if (termStamp + terms.length >= STAMP_LIMIT || queryStamp + 1 >= STAMP_LIMIT) {
      termStamps.fill(0);
      queryStamps.fill(0);
      termStamp = 0;
      queryStamp = 0;
    }
    queryStamp += 1;
    const words = Math.ceil(terms.length / 32);
    if (termBits.length < size * words) termBits = new Uint32Array(size * words);
    const expansions = terms.map((term) => expansionsOf(term));

    const { typoTerms, confirmationsOf } = typoConfirmations(terms);

    const total = index.documentCount();
    let touchedCount = 0;
    terms.forEach((term, i) => {
      termStamp += 1;
      let termTouchedCount = 0;
      for (const { term: indexed, weight, postings } of expansions[i] ?? []) {
        const confirms = typoTerms.length > 0 ? confirmationsOf(indexed) : 0;
        for (const { field, docs, freqs } of postings) {
          if (docs.length === 0) continue;
          const matching = docs.length;
          const idf = inverseDocumentFrequency(total, matching);
          const norms = normsOf(field);
          // The same products in the same order as MiniSearch, so every score is bit for bit its own.
          const factor = weight * term.boost * (fieldBoosts[field] ?? 1);
          for (let p = 0; p < matching; p++) {
            const doc = numberAt(docs, p);
            const frequency = numberAt(freqs, p);
            const raw = idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + numberAt(norms, doc)));
            const weighted = factor * raw;
            if (termStamps[doc] === termStamp) termScores[doc] = termScoreOf(doc) + weighted;
            else {
              termStamps[doc] = termStamp;
              termScores[doc] = weighted;
              termTouched[termTouchedCount++] = doc;
            }
            if (confirms !== 0) evidence[doc] = evidenceOf(doc) | confirms;
          }
        }
      }
      const typoBit = term.confirmedBy ? 1 << typoTerms.indexOf(i) : 0;
      for (let t = 0; t < termTouchedCount; t++) {
        const doc = numberAt(termTouched, t);
        if (queryStamps[doc] === queryStamp) {
          totals[doc] = totalOf(doc) + termScoreOf(doc);
          matchCounts[doc] = matchCountOf(doc) + 1;
        } else {
          queryStamps[doc] = queryStamp;
          totals[doc] = termScoreOf(doc);
          matchCounts[doc] = 1;
          confirmable[doc] = 0;
          termBits.fill(0, doc * words, doc * words + words);
          touched[touchedCount++] = doc;
        }
        if (typoBit !== 0) confirmable[doc] = confirmableOf(doc) | typoBit;
        else setBit(termBits, doc * words, i);
      }
    });

    const docs = docsBuffer(touchedCount);
    const scores = scoresBuffer(touchedCount);
    const matchedSet = matchedSetBuffer(touchedCount);
    const matchedSets = new MatchedSets(terms.length, words);
    let count = 0;
    for (let t = 0; t < touchedCount; t++) {
      const doc = numberAt(touched, t);
      const confirmed = confirmableOf(doc) & evidenceOf(doc);
      evidence[doc] = 0;
      if (!visible(doc)) continue;
      if (confirmed !== 0) {
        typoTerms.forEach((i, bit) => {
          if (confirmed & (1 << bit)) setBit(termBits, doc * words, i);
        });
      }
      docs[count] = doc;
      scores[count] = totalOf(doc) * matchCountOf(doc);
      matchedSet[count] = matchedSets.indexOf(termBits, doc * words);
      count += 1;
    }
    return {
      docs: docs.subarray(0, count),
      scores: scores.subarray(0, count),
      matchedSet: matchedSet.subarray(0, count),
      matchedSets: matchedSets.sets,
      expansions,
    };
  };
}

/**
 * The question's typo terms (at most 32: one per distinct word), and for an index term, which of
 * them it confirms as a bit set (bit n: the n-th typo term), remembered for the question.
 */
function typoConfirmations(terms: ReadonlyArray<ScoredTerm>) {
  const typoTerms = terms.flatMap((term, i) => (term.confirmedBy ? [i] : []));
  const known = new Map<string, number>();
  const confirmationsOf = (indexed: string): number => {
    let bits = known.get(indexed);
    if (bits === undefined) {
      bits = 0;
      for (const [bit, i] of typoTerms.entries()) {
        if (terms[i]?.confirmedBy?.(indexed)) bits |= 1 << bit;
      }
      known.set(indexed, bits);
    }
    return bits;
  };
  return { typoTerms, confirmationsOf };
}

/** BM25+ as MiniSearch computes it, with its default parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** How telling a term is in a field: MiniSearch's inverse document frequency. */
function inverseDocumentFrequency(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

/**
 * Each document's length normalisation in each field, k·(1 − b + b·length/average), by document
 * number. It changes only when a document comes or goes, so it is worked out once then rather than
 * for every posting of every question.
 */
function lengthNorms(index: InvertedIndex): (field: number) => Float64Array {
  const norms: Array<{ average: number; capacity: number; values: Float64Array } | undefined> = [];
  return (field) => {
    const average = index.averageLength(field);
    const capacity = index.capacity();
    const known = norms[field];
    if (known?.average === average && known.capacity === capacity) return known.values;
    const values = new Float64Array(capacity);
    index.lengths(field).forEach((length, doc) => {
      values[doc] = BM25.k * (1 - BM25.b + (BM25.b * length) / average);
    });
    norms[field] = { average, capacity, values };
    return values;
  };
}

/** Bit `bit` of the bit set starting at `offset` of `bits` (32 bits a word). */
function setBit(bits: Uint32Array, offset: number, bit: number): void {
  bits[offset + (bit >>> 5)] = (bits[offset + (bit >>> 5)] as number) | (1 << (bit & 31));
}

function hasBit(bits: Uint32Array, offset: number, bit: number): boolean {
  return ((bits[offset + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0;
}

/**
 * The distinct sets of question terms that documents matched. Thousands of documents share a few
 * sets, so whatever depends on the set (coverage) is worked out once per set, not per document.
 */
class MatchedSets {
  /** Each set: the indexes of the terms in it, ascending. */
  readonly sets: number[][] = [];
  private readonly byKey = new Map<number | string, number>();

  constructor(
    private readonly termCount: number,
    /** 32-bit words per set. */
    private readonly words: number,
  ) {}

  /** The number of the set held in `bits` from `offset`, adding it when new. */
  indexOf(bits: Uint32Array, offset: number): number {
    const key = this.words === 1 ? (bits[offset] as number) : bits.slice(offset, offset + this.words).join();
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.sets.length;
      this.byKey.set(key, index);
      const terms: number[] = [];
      for (let term = 0; term < this.termCount; term++) if (hasBit(bits, offset, term)) terms.push(term);
      this.sets.push(terms);
    }
    return index;
  }
}
