import { stemmer } from "stemmer";

/** Longer "words" are noise (a pasted URL, a key held down); they are not searchable. */
export const MAX_WORD_LENGTH = 40;

/**
 * Porter stemming for plain Latin words only: the stemmer's suffix rules are English, so numbers
 * ("1997") and words in other scripts are kept as they are. Not remembered here: the analysis that
 * calls it remembers each written word's stem (analyzed-word.ts), so no memory outlives an analyzer.
 */
export function stemWord(normalized: string): string {
  if (!/^[a-z]+$/.test(normalized)) return normalized;
  return stemmer(normalized);
}
