import { editDistance } from "./edit-distance.ts";

/**
 * Typos are looked for only in words the index does not know ("Stoltenburg", "agreemnts"): a known
 * word is searched as it is, so "state" never drifts to "stat". One edit from 5 letters, two from
 * 8. A 4-letter word is corrected only when written as a name ("Minks"): in lowercase it is more
 * often a real word the articles lack ("calm" is not a typo of "call").
 */
export function typoEdits(stem: string, capitalized = false): number {
  if (!/^\p{L}+$/u.test(stem)) return 0;
  if (stem.length >= 8) return 2;
  if (stem.length >= 5) return 1;
  return stem.length === 4 && capitalized ? 1 : 0;
}

/**
 * Whether `indexed` is a believable correction of the unknown `typed`: within the allowed edits and
 * with the same first letter, which typists rarely get wrong. MiniSearch's fuzzy search has no such
 * rule, so "pope" also reaches "hope"; this check keeps such matches from counting as an answer.
 */
export function isPlausibleCorrection(typed: string, indexed: string, capitalized = false): boolean {
  if (typed[0] !== indexed[0]) return false;
  const edits = typoEdits(typed, capitalized);
  return edits > 0 && editDistance(typed, indexed, edits) <= edits;
}
