import type { QueryPlan } from "../../search/query-plan.ts";
import type { SearchHit } from "../../search/search-index.ts";
import type { TermStatistics } from "../../search/term-statistics.ts";

/**
 * The index terms that matter for one question, with how much each counts when choosing sentences:
 * the question's own terms, their synonyms (at the lower weight), and whatever typo or prefix
 * completion the index matched ("stoltenberg" for "Stoltenburg").
 */
export type RelevantTerms = ReadonlyMap<string, number> & {
  /** The kind of answer the question asks for, which an excerpt should contain. */
  readonly wants?: ((text: string) => boolean) | undefined;
  /** The question's embedding, which an excerpt should be close to. */
  readonly vector?: Float32Array | undefined;
};

/** No question: nothing to highlight or to widen an excerpt towards. */
export const NO_TERMS: RelevantTerms = new Map();

export function relevantTerms(
  plan: QueryPlan,
  hits: ReadonlyArray<SearchHit>,
  statistics: TermStatistics,
  wants?: (text: string) => boolean,
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
  return Object.assign(weights, { wants, vector: plan.vector });
}
