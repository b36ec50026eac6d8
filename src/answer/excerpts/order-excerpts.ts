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

/**
 * Each passage's paragraph's terms, as a set, worked out once: the analyzer's own memory of texts is
 * cleared when full, and a paragraph analyzed again then cost its question a millisecond or more.
 * (A passage belongs to one library, built with one analyzer.)
 */
const termSets = new WeakMap<Passage, ReadonlySet<string>>();

/** How much of the question an excerpt shows (as orderExcerpts weighs it), and the most one of a passage can. */
export interface ExcerptWeigher {
  weigh(excerpt: Excerpt): number;
  /** Every term of the passage's paragraph the question has, highlighted: no excerpt of it weighs more. */
  most(passage: Passage): number;
  /** The one orderExcerpts would keep first: the first of those weighing most (none of none). */
  heaviest(excerpts: ReadonlyArray<Excerpt>): Excerpt[];
}

export function excerptWeigher(
  terms: RelevantTerms,
  analyzeWord: (word: string) => ReadonlyArray<string>,
): ExcerptWeigher {
  const weigh = (excerpt: Excerpt) => excerptWeight(excerpt, terms, analyzeWord);
  return {
    weigh,
    heaviest(excerpts) {
      let best: Excerpt | undefined;
      let most = Number.NEGATIVE_INFINITY;
      for (const excerpt of excerpts) {
        const weight = weigh(excerpt);
        if (weight > most) {
          best = excerpt;
          most = weight;
        }
      }
      return best ? [best] : [];
    },
    most(passage) {
      let set = termSets.get(passage);
      if (set === undefined) {
        set = new Set(analyzeWord(passage.paragraph.text));
        termSets.set(passage, set);
      }
      let most = 0;
      for (const [term, weight] of terms) if (weight > 0 && set.has(term)) most += weight;
      return most;
    },
  };
}
