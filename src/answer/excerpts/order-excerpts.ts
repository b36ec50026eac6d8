import type { AnswerResult, Excerpt } from "../answer.ts";
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
