import type { TermPostings } from "./inverted-index.ts";
import type { QueryPlan, QueryTerm } from "./query-plan.ts";
import type { ExpandedTerm } from "./term-expansion.ts";
import { isPlausibleCorrection } from "./typos.ts";

/** Whether a document uses a term in any field (postings are in ascending document order). */
function uses(postings: TermPostings, doc: number): boolean {
  // A loop, not postings.some(…): a closure over `doc` for every term of every hit was a tenth of
  // what an answer allocates, and the young-generation collections it brings are an ask's slowest.
  for (const { docs } of postings) {
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = docs[middle] as number;
      if (at === doc) return true;
      if (at < doc) low = middle + 1;
      else high = middle - 1;
    }
  }
  return false;
}

/**
 * For one question, the index terms a document matched that are worth highlighting: the question's
 * own terms, and only believable completions and corrections ("stoltenberg" for "Stoltenburg", not
 * "hope" for "Pope"). Asked only of the few documents that become hits.
 */
export function matchedTermsOf(
  plan: QueryPlan,
  /** For each plan term, the typo edits it was searched with. */
  edits: ArrayLike<number>,
  expansions: ReadonlyArray<ReadonlyArray<ExpandedTerm>>,
): (doc: number) => string[] {
  const planned = new Set(plan.terms.map((term) => term.term));
  // The same index terms recur across hits: each is judged once per question.
  const judged = new Map<string, boolean>();
  const meant = (indexed: string) => {
    let verdict = judged.get(indexed);
    if (verdict === undefined) {
      verdict = planned.has(indexed);
      for (let i = 0; i < plan.terms.length && !verdict; i++) {
        const term = plan.terms[i] as QueryTerm;
        verdict =
          (term.prefix && indexed.startsWith(term.term)) ||
          ((edits[i] ?? 0) > 0 && isPlausibleCorrection(term.term, indexed, true));
      }
      judged.set(indexed, verdict);
    }
    return verdict;
  };
  return (doc) => {
    const matched: string[] = [];
    for (const expansion of expansions) {
      for (const { term, postings } of expansion) {
        if (!matched.includes(term) && meant(term) && uses(postings, doc)) matched.push(term);
      }
    }
    return matched;
  };
}
