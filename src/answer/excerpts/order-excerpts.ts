import type { AnswerResult, Excerpt } from "../answer.ts";
import type { Passage } from "./passages.ts";
import type { RelevantTerms } from "./relevant-terms.ts";

/** How much of the question an excerpt shows: the weights of the distinct terms it highlights. */
function excerptWeight(
  excerpt: Excerpt,
  terms: RelevantTerms,
  analyzeWord: (word: string) => ReadonlyArray<string>,
) {
  const seen = new Set<string>();
  let weight = 0;
  for (const { start, end } of excerpt.highlights) {
    for (const term of analyzeWord(excerpt.text.slice(start, end))) {
      if (seen.has(term)) continue;
      seen.add(term);
      weight += terms.get(term) ?? 0;
    }
  }
  return weight;
}

/**
 * Puts the excerpts that show most of the question first (curated order breaks ties) and keeps at
 * most `max`: a demand cited by seven passages should lead with the one the member asked about.
 */
export function orderExcerpts(
  result: AnswerResult,
  terms: RelevantTerms,
  analyzeWord: (word: string) => ReadonlyArray<string>,
  max: number,
): AnswerResult {
  const weighted = result.excerpts.map((excerpt, position) => ({
    excerpt,
    position,
    weight: excerptWeight(excerpt, terms, analyzeWord),
  }));
  weighted.sort((a, b) => b.weight - a.weight || a.position - b.position);
  return { ...result, excerpts: weighted.slice(0, max).map((entry) => entry.excerpt) };
}

/** Each paragraph's terms, as a set (the analyzer remembers the list of each text it analyzed). */
const termSets = new WeakMap<ReadonlyArray<string>, ReadonlySet<string>>();

/** How much of the question an excerpt shows (as orderExcerpts weighs it), and the most one of a passage can. */
export interface ExcerptWeigher {
  weigh(excerpt: Excerpt): number;
  /** Every term of the passage's paragraph the question has, highlighted: no excerpt of it weighs more. */
  most(passage: Passage): number;
}

export function excerptWeigher(
  terms: RelevantTerms,
  analyzeWord: (word: string) => ReadonlyArray<string>,
): ExcerptWeigher {
  return {
    weigh: (excerpt) => excerptWeight(excerpt, terms, analyzeWord),
    most(passage) {
      const list = analyzeWord(passage.paragraph.text);
      let set = termSets.get(list);
      if (set === undefined) {
        set = new Set(list);
        termSets.set(list, set);
      }
      let most = 0;
      for (const [term, weight] of terms) if (weight > 0 && set.has(term)) most += weight;
      return most;
    },
  };
}
