import { EXPANSION_WEIGHT, type QueryPlan } from "../../search/query-plan.ts";
import type { SearchHit } from "../../search/search-index.ts";
import type { TermStatistics } from "../../search/term-statistics.ts";
import type { Highlight } from "../answer.ts";

/**
 * The index terms that matter for one question, with how much each counts when choosing sentences:
 * the question's own terms, their synonyms (at the lower weight), and whatever typo or prefix
 * completion the index matched ("stoltenberg" for "Stoltenburg").
 */
export type RelevantTerms = ReadonlyMap<string, number> & {
  /** The kind of answer the question asks for, which an excerpt should contain. */
  readonly wants?: ((text: string) => boolean) | undefined;
  /** Where a text gives it, to show in bold (see askedForIn). */
  readonly answers?: ((text: string) => Highlight[]) | undefined;
  /** The question's embedding, which an excerpt should be close to. */
  readonly vector?: Float32Array | undefined;
  /** Whether the question asks why: the sentence after a curated excerpt often gives the reason. */
  readonly reasonAsked?: boolean | undefined;
  /** The words of each quotation in the question, folded (see quotesFrom in excerpt.ts). */
  readonly quoted?: ReadonlyArray<ReadonlyArray<string>> | undefined;
};

/** No question: nothing to highlight or to widen an excerpt towards. */
export const NO_TERMS: RelevantTerms = new Map();

export function relevantTerms(
  plan: QueryPlan,
  hits: ReadonlyArray<SearchHit>,
  statistics: TermStatistics,
  wants?: (text: string) => boolean,
  answers?: (text: string) => Highlight[],
  reasonAsked = false,
  quoted: ReadonlyArray<ReadonlyArray<string>> = [],
): RelevantTerms {
  const weights = new Map<string, number>();
  for (const term of plan.terms) {
    let informative = 0;
    for (const w of term.words)
      informative = Math.max(informative, statistics.weight(plan.words[w]?.stem ?? ""));
    weights.set(term.term, term.weight * informative);
  }
  for (const hit of hits) {
    for (const term of hit.matchedTerms) {
      if (!weights.has(term)) weights.set(term, statistics.weight(term));
    }
  }
  return Object.assign(weights, { wants, answers, vector: plan.vector, reasonAsked, quoted });
}

/**
 * The question's terms for cutting one hit's excerpt, with the words of its way of asking closest to
 * the question, counted as a synonym is: written from the paragraph, a way of asking often has the
 * words of the sentence it asks about where the member's own do not ("does putin get any pushback
 * at home" meets Trenin ¶8's "faces no domestic opposition" through "does putin face opposition at
 * home"). Tuned sets: five more first cards held the answer, three fewer (each then second).
 */
export function withClosestWay(
  terms: RelevantTerms,
  hit: Pick<SearchHit, "kind" | "closestWay">,
  statistics: TermStatistics,
): RelevantTerms {
  // A curated entry's excerpt is the curators' choice, widened only for the member's own words.
  const added = hit.kind === "passage" ? hit.closestWay.filter((term) => !terms.has(term)) : [];
  if (added.length === 0) return terms;
  const weights = new Map(terms);
  for (const term of added) weights.set(term, EXPANSION_WEIGHT * statistics.weight(term));
  const { wants, answers, vector, reasonAsked, quoted } = terms;
  return Object.assign(weights, { wants, answers, vector, reasonAsked, quoted });
}
