/**
 * Small judgements about the shape of a line of text, shared by the cleaning rules: does it end a
 * sentence, could it be a heading, does it stop in the middle of a phrase.
 */

/** Terminal punctuation, possibly followed by closing quotes or brackets: `fact.` `in."` `Policy.)` */
const TERMINAL_END = /[.!?…]["'”’)\]»]*$/;

/** A full stop after a lowercase word and then a capital: a sentence ended inside the line. */
const INTERNAL_SENTENCE_END = /[a-z”’"][.!?]["”’)]*\s+["“‘(]?[A-Z]/;

/** Words after which no sentence or heading stops: a line ending in one was cut short. */
const FUNCTION_WORDS = new Set(
  (
    "a an the of in on at to for from with by into onto about over under between through during " +
    "and or but nor as than that which who whom whose is are was were be been being has have had " +
    "his her its their our my your this these those not very less more most such if because while"
  ).split(" "),
);

export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

export function wordCount(text: string): number {
  return words(text).length;
}

export function endsSentence(text: string): boolean {
  return TERMINAL_END.test(text.trim());
}

export function hasInternalSentenceEnd(text: string): boolean {
  return INTERNAL_SENTENCE_END.test(text);
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}

function lastWord(text: string): string {
  return (words(text).at(-1) ?? "").replace(/[^\p{L}\p{N}'’]+$/u, "");
}

/** Ends on a comma, dash, function word or possessive: the sentence must go on. */
export function endsWithOpenPhrase(text: string): boolean {
  const trimmed = text.trim();
  if (/[,;:—–-]$/.test(trimmed)) return true;
  const last = lastWord(trimmed);
  return FUNCTION_WORDS.has(last.toLowerCase()) || /\p{L}['’]s$/u.test(last);
}

/** Ends on a capitalised word, as in "high in the United" / "States because…". */
export function endsWithCapitalizedWord(text: string): boolean {
  return /^\p{Lu}/u.test(lastWord(text));
}

/** Short, unpunctuated and complete-looking: "Changes in Ukraine", "Biden the pragmatist". */
export function isHeadingShaped(text: string): boolean {
  const trimmed = text.trim();
  return (
    /^[\p{Lu}\p{N}“"‘']/u.test(trimmed) &&
    !endsSentence(trimmed) &&
    wordCount(trimmed) <= 12 &&
    !hasInternalSentenceEnd(trimmed) &&
    !endsWithOpenPhrase(trimmed)
  );
}

/** Lowercase words without punctuation, quotes folded, for comparing wording. */
export function comparableWords(text: string): string[] {
  return (text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []) as string[];
}
