import { EXPANSION_WEIGHT, type QueryPlan, type QueryTerm, typedOf } from "./query-plan.ts";
import { PHRASE_JOINER } from "./synonym-table.ts";

/**
 * A word reached only through a typo correction is less certain to be what was meant, but members
 * misspell the very names and words they ask about ("seperate", "Nulan"). Chosen on the tuned sets:
 * at 0.9 three answerable questions fewer are called not covered than at 0.75, and nothing is lost
 * (0.8: one fewer; 1: as 0.9).
 */
const TYPO_CREDIT = 0.9;

/**
 * A word of a phrase the question uses ("nato chief", "death toll") matched on its own (or through
 * a synonym of that word alone), not as the phrase nor through one of the phrase's synonyms, likely
 * means something else: "Russia's chief negotiator" is not NATO's chief.
 */
const WORD_OUT_OF_PHRASE_CREDIT = 0.5;

/**
 * Each plan term's credit as a coverage meter counts it: less for one searched through typo
 * corrections (`typo[i]` 1), and for a lone word of a phrase the question uses.
 */
export function termCredits(plan: QueryPlan, typo: Uint8Array): Float64Array {
  const inPhrase = new Uint8Array(plan.words.length);
  for (const term of plan.terms)
    if (term.original && term.term.includes(PHRASE_JOINER) && term.words.length > 1)
      for (const w of term.words) inPhrase[w] = 1;
  return typedOf(Float64Array, plan.terms, (term, i) => {
    const alone =
      term.words.length === 1 &&
      !term.term.includes(PHRASE_JOINER) &&
      inPhrase[term.words[0] as number] === 1;
    return (typo[i] ? TYPO_CREDIT : 1) * (alone ? WORD_OUT_OF_PHRASE_CREDIT : 1);
  });
}

/**
 * A near word (from word vectors, weighted by its similarity) stands for a question word less surely
 * than a curated synonym, and a guess should not make an answer confident: "champions league" is
 * near "game" and "team", yet no passage about either answers it. Cubed, a near word at 0.85
 * similarity covers 0.6 of its word, one at 0.65 a quarter.
 */
function creditOf(term: QueryTerm): number {
  return term.original ? 1 : Math.min(1, (term.weight / EXPANSION_WEIGHT) ** 3);
}

/**
 * Measures, for one question, the share of its words (weighted by `weights`) a document matches:
 * directly, through a synonym, or (for less) through a believable typo correction. This is what
 * decides whether the articles answer a question at all: a passage that matches "Zelensky" but not
 * "Geneva" is not an answer to "What did Zelensky say in Geneva?". Built once per search, applied
 * to each distinct set of matched terms.
 */
export function coverageMeter(
  plan: QueryPlan,
  weights: Float64Array,
  /** For each plan term, the share of its word's weight it credits (`termCredits`); 1 when missing. */
  termCredit: Float64Array,
): (matched: ReadonlyArray<number>) => number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Each word's credit, and the words credited in the order first met (the order the credits are
  // summed in): arrays reused from one set to the next, as a search measures hundreds of them (a
  // plain array emptied by its length was grown again each time).
  const credit = new Float64Array(plan.words.length);
  const credited = new Uint8Array(plan.words.length);
  const order = new Int32Array(plan.words.length);
  // Each term's credit, worked out once: a search measures hundreds of sets of the same terms.
  const values = typedOf(Float64Array, plan.terms, (term, i) => (termCredit[i] ?? 1) * creditOf(term));
  /** `matched`: the indexes (ascending) of the plan terms matched, typo terms only when believable. */
  return (matched) => {
    if (total === 0) return 0;
    let credits = 0;
    for (const i of matched) {
      const term = plan.terms[i];
      if (!term) continue;
      const value = values[i] as number;
      for (const w of term.words) {
        if (credited[w] === 0) {
          credited[w] = 1;
          order[credits++] = w;
        }
        credit[w] = Math.max(credit[w] as number, value);
      }
    }
    let sum = 0;
    for (let k = 0; k < credits; k++) {
      const w = order[k] as number;
      sum += (weights[w] ?? 0) * (credit[w] as number);
      credit[w] = 0;
      credited[w] = 0;
    }
    return sum / total;
  };
}
