import type { QueryPlan } from "../../search/query-plan.ts";
import type { SearchHit } from "../../search/search-index.ts";
import type { HitKeep, SearchMatches } from "../../search/search-matches.ts";

/**
 * How hits become an answer. Tuned on the evaluation questions (tests/eval/dev.json) as
 * general rules, never per question.
 */

/**
 * The share of a question's (weighted) words its best hit with every named thing must cover to be
 * an answer by itself: how much more or less it covers is what the confidence model reads first
 * (see confidence.ts), and curated listings take hits covering it as matches. (Until the model, an
 * answer was confident only above it, or with a way of asking worded alike; the shares below were
 * chosen then.)
 */
export const CONFIDENT_COVERAGE = 0.52;
/**
 * …and a longer one at less: a member telling what they read and why they ask ("I had the
 * impression Zelensky was elected as the peace guy… Did he change how he dealt with Russia after he
 * got in?") has more words than any one passage answers. By the question's content words: from 7,
 * 0.48; from 9, 0.45. Chosen on the tuned sets: 0.45 from 9 words took answerable questions called
 * not covered from 74 to 63 of 1,339 for 2 more unanswerable ones answered (91 of 583); 0.48 from 7
 * then 3 fewer for none. From 11 words alone, −6 for +1; 0.40 from 9, −16 for +5; a slope of 0.025
 * a word from 6 down to 0.42, −7 more for +2.
 */
const LONGER_QUESTIONS: ReadonlyArray<{ words: number; coverage: number }> = [
  { words: 9, coverage: 0.45 },
  { words: 7, coverage: 0.48 },
];

/**
 * …and a question asked of one article ("per the post", "does trenin reckon…"), or of each of the
 * articles it compares in turn, at most this share: naming the article is part of what the member
 * asks, and only its passages answer; of a comparison, one article answers its part ("FP vs NPR: how
 * does each frame Russia's sphere of influence?"), without the words of the other part. Chosen on
 * the tuned sets (363 answerable questions naming an article, 79 not): at 0.35, 16 answerable
 * questions fewer called not covered, 2 more unanswerable ones answered; 0.45, 5 for none; 0.40, 11
 * for 2; 0.30, 19 for 4 and a first hit lost. (Comparisons alone had been at 0.45.)
 */
const ARTICLE_COVERAGE = 0.35;

/**
 * The share of a question's words a hit must cover to answer it by itself (see SPECIFICS_COVERAGE),
 * asked of all the articles or of one.
 */
export function confidentCoverage(plan: QueryPlan, ofOneArticle = false): number {
  // The plan's words are the question's distinct content words.
  const coverage =
    LONGER_QUESTIONS.find(({ words }) => plan.words.length >= words)?.coverage ?? CONFIDENT_COVERAGE;
  return ofOneArticle ? Math.min(coverage, ARTICLE_COVERAGE) : coverage;
}

/** …and this share when it asks for particulars ("which ones specifically"; see answer-type.ts). */
export const SPECIFICS_COVERAGE = 0.85;
/**
 * A way of asking with this share of the question's words, stop words included, is worded nearly as
 * the question is (SearchMatches.wordingOf): its passage goes before a curated entry that does not
 * cite it (see answerOrder). Chosen on the tuned sets, when it also made an answer confident: at 0.55
 * and 0.6, one more answerable question answered and nothing lost; at 0.5, two for one unanswerable.
 */
export const WORDED_ALIKE = 0.6;
/**
 * A curated Q&A entry is put first when it covers this share of the question; below it, it is
 * ranked like any passage. At 0.8 it was put before a passage that answered better more often than
 * it helped (tuned sets with the bank at 26 phrasings: hit@1 +2 questions at 0.95, none lost).
 */
export const QA_FIRST_COVERAGE = 0.95;
/** In an answer, a hit covering less than this share of what the best hit covers is noise. */
export const RELATIVE_COVERAGE_FLOOR = 0.3;
/** Coverage counts more than raw BM25: a hit missing the question's rarest word is a poor hit. */
const COVERAGE_EXPONENT = 2;

export interface RankedHit extends SearchHit {
  relevance: number;
}

/** How much closeness of meaning (cosine of embeddings, -1…1) scales relevance. */
const SIMILARITY_STRENGTH = 6;

/**
 * How much one close way of asking for a document (a bank question matching "is putin bluffing"
 * word for word, rather than the same words scattered) scales relevance.
 */
const PHRASING_STRENGTH = 2;

/**
 * How much the share of words, stop words included, that one way of asking for a document has in
 * common with the question (SearchMatches.wordingOf) scales the relevance of the first hits. It
 * reads the question's shape that the index and the embeddings leave out: "why is Russia acting
 * now" is asked the way the entry "why now" is. Chosen on the tuned sets: from 0 to 6, hit@1 went
 * up by 32 of 529 answerable questions and hit@3 by 8; at 7 and 8, the same within one question.
 */
const WORDING_STRENGTH = 6;

/**
 * How high a hit ranks: its BM25 score, scaled down steeply for the words it misses, and up for
 * closeness in meaning to the question.
 */
export function relevanceOf(score: number, coverage: number, similarity = 0, phrasing = 0): number {
  const lexical = score * coverage ** COVERAGE_EXPONENT;
  // Most matches are never reranked (see RERANKED in search-index.ts), and at a hundred times the
  // articles an exponential of nothing for each of them was a good part of ranking them.
  if (similarity === 0 && phrasing === 0) return lexical;
  return lexical * Math.exp(SIMILARITY_STRENGTH * similarity + PHRASING_STRENGTH * phrasing);
}

/** Gives a hit its relevance, in place (the same hit object stays comparable). */
export function withRelevance(hit: SearchHit): RankedHit {
  return Object.assign(hit, {
    relevance: relevanceOf(hit.score, hit.coverage, hit.similarity, hit.phrasing),
  });
}

/** Orders fresh search hits by relevance (the hits are given their relevance in place). */
export function rankHits(hits: SearchHit[]): RankedHit[] {
  return hits.map(withRelevance).sort((a, b) => b.relevance - a.relevance);
}

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
 * The first `firstBatch` are ranked again with their wording (see WORDING_STRENGTH): measuring it
 * for every match would cost more than the rest of the ranking.
 */
export function rankMatches(matches: SearchMatches, keep: HitKeep, firstBatch = FIRST_BATCH): RankedHits {
  let fetched: RankedHit[] = [];
  let exhausted = false;
  const fetch = (count: number) => {
    if (exhausted || fetched.length >= count) return;
    const size = Math.max(count, firstBatch, fetched.length * 4);
    const hits = matches.best(size, relevanceOf, keep);
    // Pushed one by one, as in stemsOf (query-plan.ts): a mapped array's kind of elements varies
    // with its length, and the optimized readers of `fetched` were thrown away at each new kind.
    fetched = [];
    for (const hit of hits) fetched.push(withRelevance(hit));
    for (const hit of fetched.slice(0, firstBatch))
      hit.relevance *= Math.exp(WORDING_STRENGTH * matches.wordingOf(hit));
    // A stable sort: hits of equal relevance stay in the order of matches.best.
    fetched.sort((a, b) => b.relevance - a.relevance);
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
