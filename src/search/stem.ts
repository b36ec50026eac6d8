import irregularVerbs from "english-verbs-irregular/dist/verbs.json" with { type: "json" };
import { stemmer } from "stemmer";

/** Longer "words" are noise (a pasted URL, a key held down); they are not searchable. */
export const MAX_WORD_LENGTH = 40;

/**
 * Past forms that are more often another word stay as written: "ground troops", "a wound", "bound
 * to", "a lost cause", "a written reply" (members ask for a "written" answer, not for writing).
 */
const NOT_READ_AS_VERBS = new Set([
  "ground",
  "wound",
  "bound",
  "saw",
  "rose",
  "spoke",
  "bit",
  "lay",
  "felt",
  "shot",
  "found",
  "lost",
  "written",
]);

/**
 * Irregular past forms read as their verb: "what did the setup leave Russia as" is answered by
 * "that setup left Russia as a rule-taker", "did they stick to it" by "stuck to". Porter stemming
 * only strips suffixes, so "left" and "leave" never met.
 */
const BASE_OF_PAST = new Map<string, string>();
for (const [base, forms] of Object.entries(irregularVerbs as Record<string, string[][]>))
  for (const form of forms.flat())
    if (form !== base && !NOT_READ_AS_VERBS.has(form) && !BASE_OF_PAST.has(form))
      BASE_OF_PAST.set(form, base);

/**
 * Porter stemming for plain Latin words only: the stemmer's suffix rules are English, so numbers
 * ("1997") and words in other scripts are kept as they are. Not remembered here: the analysis that
 * calls it remembers each written word's stem (analyzed-word.ts), so no memory outlives an analyzer.
 */
export function stemWord(normalized: string): string {
  if (!/^[a-z]+$/.test(normalized)) return normalized;
  const stem = stemmer(BASE_OF_PAST.get(normalized) ?? normalized);
  // Porter undoubles a final consonant only after a suffix it strips ("bluffing" → "bluf"), so the
  // bare word keeps it ("bluff"): both are read undoubled.
  return DOUBLED_AT_END.test(stem) ? stem.slice(0, -1) : stem;
}

/** A stem of four letters or more ending in a doubled consonant Porter undoubles (not l, s or z). */
const DOUBLED_AT_END = /^[a-z]{2,}([bdfgmnprt])\1$/;
