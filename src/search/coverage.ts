import type { QueryPlan } from "./query-plan.ts";
import { isPlausibleCorrection } from "./typos.ts";

/** A word reached only through a typo correction is less certain to be what was meant. */
const TYPO_CREDIT = 0.75;

export interface MatchedTerms {
  /** The plan's terms the document matched (as MiniSearch reports them). */
  queryTerms: ReadonlyArray<string>;
  /** The document's own terms that matched, typo corrections included. */
  documentTerms: ReadonlyArray<string>;
}

/**
 * Measures, for one question, the share of its words (weighted by `weights`) a document matches:
 * directly, through a synonym, or (for less) through a believable typo correction. This is what
 * decides whether the articles answer a question at all: a passage that matches "Zelensky" but not
 * "Geneva" is not an answer to "What did Zelensky say in Geneva?". Built once per search, applied
 * to every hit.
 */
export function coverageMeter(
  plan: QueryPlan,
  weights: ReadonlyArray<number>,
  /** For each plan term, the typo edits allowed (0 for a known word, searched as it is). */
  typoEdits: ReadonlyArray<number>,
): (match: MatchedTerms) => number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const byTerm = new Map<string, { words: number[]; typo: boolean }>();
  plan.terms.forEach((term, i) => {
    byTerm.set(term.term, { words: term.words, typo: (typoEdits[i] ?? 0) > 0 });
  });
  return (match) => {
    if (total === 0) return 0;
    const credit = new Map<number, number>();
    for (const matched of match.queryTerms) {
      const term = byTerm.get(matched);
      if (!term) continue;
      let value = 1;
      if (term.typo) {
        if (!match.documentTerms.some((indexed) => isPlausibleCorrection(matched, indexed, true))) continue;
        value = TYPO_CREDIT;
      }
      for (const w of term.words) credit.set(w, Math.max(credit.get(w) ?? 0, value));
    }
    let sum = 0;
    for (const [index, value] of credit) sum += (weights[index] ?? 0) * value;
    return sum / total;
  };
}
