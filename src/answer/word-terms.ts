import type { Analyzer } from "../search/analyzer.ts";

/** Highlighted words come from the articles, so they are few; the memory is dropped past this. */
const MEMORY_LIMIT = 10_000;

/**
 * The index terms of a highlighted word or phrase ("missiles" → ["missil"]), remembered: every
 * answer weighs its excerpts by the terms they highlight, and analysing the same words again was
 * the largest share of building an answer.
 */
export function rememberedWordTerms(analyzer: Analyzer): (word: string) => string[] {
  const known = new Map<string, string[]>();
  return (word) => {
    let terms = known.get(word);
    if (terms === undefined) {
      if (known.size >= MEMORY_LIMIT) known.clear();
      terms = analyzer.indexTerms(word);
      known.set(word, terms);
    }
    return terms;
  };
}
