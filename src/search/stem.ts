import { stemmer } from "stemmer";

/** Longer "words" are noise (a pasted URL, a key held down); they are not searchable. */
export const MAX_WORD_LENGTH = 40;

/** Stems are remembered: the articles use a few thousand distinct words, each many times. */
const cache = new Map<string, string>();
/** Questions bring new words forever; the memory is dropped rather than allowed to grow. */
const CACHE_LIMIT = 20_000;

/**
 * Porter stemming for plain Latin words only: the stemmer's suffix rules are English, so numbers
 * ("1997") and words in other scripts are kept as they are.
 */
export function stemWord(normalized: string): string {
  if (!/^[a-z]+$/.test(normalized)) return normalized;
  const known = cache.get(normalized);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const stem = stemmer(normalized);
  cache.set(normalized, stem);
  return stem;
}
