/**
 * Finds the words of a raw text with their character ranges, so that the same scan serves indexing,
 * questions and highlighting (whose ranges must point into the untouched text).
 *
 * - Initialisms with dots are one word: "U.S.", "U.S" and "U.S.S.R." (each part a single letter).
 * - Numbers keep their separators: "100,000" and "2.5" are one word.
 * - Apostrophes inside a word are kept ("Russia’s", "doesn't"); hyphens split ("intermediate-range"
 *   is two words, so it meets "intermediate range").
 * Combining marks belong to the word they sit on and are folded away later.
 */
const WORD_PATTERN =
  /(?<![\p{L}\p{N}\p{M}])\p{L}\p{M}*(?:\.\p{L}\p{M}*)+\.?(?![\p{L}\p{N}\p{M}])|(?:#(?=[0-9]))?\p{N}+(?:[.,]\p{N}+)*\p{L}*|[\p{L}\p{N}\p{M}]+(?:['\u2018\u2019\u02BC\uFF07][\p{L}\p{N}\p{M}]+)*/gu;

export interface WordSpan {
  /** The word exactly as written. */
  raw: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A stretch of letters, digits and combining marks joined by dots, commas or apostrophes (with a
 * final dot): no word the pattern finds crosses its edges, and nothing around it is a letter, digit
 * or mark, so the pattern gives the same words run over the stretch alone. A stretch that is a plain
 * ASCII word or number (group 1) is taken whole, without the pattern.
 */
const STRETCH_PATTERN =
  /([A-Za-z][A-Za-z0-9]*|[0-9]+[A-Za-z]*)(?![\p{L}\p{N}\p{M}]|[.,'\u2018\u2019\u02BC\uFF07][\p{L}\p{N}\p{M}])|[\p{L}\p{N}\p{M}]+(?:[.,'\u2018\u2019\u02BC\uFF07][\p{L}\p{N}\p{M}]+)*\.?/gu;

/** Whether a character code is an ASCII letter or digit: most words start with one. */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Stretches of ASCII that the word pattern takes as a single word: an initialism ("U.S.", "U.S"),
 * final dot included; words joined by apostrophes ("Russia’s", "doesn't") or a number with
 * separators ("100,000"), without the dot that may end a sentence after them.
 */
const ONE_WORD_WITH_DOT = /^[A-Za-z](?:\.[A-Za-z])+\.?$/;
const ONE_WORD_BEFORE_DOT =
  /^(?:[A-Za-z][A-Za-z0-9]*(?:['\u2018\u2019\u02BC\uFF07][A-Za-z0-9]+)+|[0-9]+(?:[.,][0-9]+)+)\.?$/;

/**
 * Most words are plain ASCII words, found by one fast pattern; only the rest (initialisms, numbers
 * with separators, apostrophes, other scripts) go through the word pattern, whose lookbehind and
 * Unicode classes, tried at every character of a text, made it the slowest step of indexing. The
 * commonest of the rest are told by their shape, without the word pattern: compiling and running it
 * for them cost milliseconds of every start-up.
 */
export function findWordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  STRETCH_PATTERN.lastIndex = 0;
  for (let stretch = STRETCH_PATTERN.exec(text); stretch !== null; stretch = STRETCH_PATTERN.exec(text)) {
    const start = stretch.index;
    const first = spans.length;
    let raw = stretch[0];
    if (stretch[1] === undefined && !ONE_WORD_WITH_DOT.test(raw)) {
      if (ONE_WORD_BEFORE_DOT.test(raw)) {
        if (raw.endsWith(".")) raw = raw.slice(0, -1);
        spans.push({ raw, start, end: start + raw.length });
      } else wordsByPattern(raw, start, spans);
    } else spans.push({ raw, start, end: start + raw.length });
    // "#1", as chat ranks things ("russia's #1 ask"): the mark is part of the word.
    const word = spans[first];
    if (word?.start === start && text.charCodeAt(start - 1) === HASH && isDigitCode(word.raw.charCodeAt(0)))
      spans[first] = { raw: `#${word.raw}`, start: start - 1, end: word.end };
  }
  return spans;
}

const HASH = 35;
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * The words of a text by the word pattern alone: what findWordSpans must agree with (a property test
 * holds them to it). `offset` is added to every range, and the words go into `spans`.
 */
export function wordsByPattern(text: string, offset = 0, spans: WordSpan[] = []): WordSpan[] {
  WORD_PATTERN.lastIndex = 0;
  for (let match = WORD_PATTERN.exec(text); match !== null; match = WORD_PATTERN.exec(text)) {
    const raw = match[0];
    // A run of bare combining marks (no letter) is not a word.
    if (!isAsciiAlphanumeric(raw.charCodeAt(0)) && !LETTER_OR_DIGIT.test(raw)) continue;
    spans.push({ raw, start: offset + match.index, end: offset + match.index + raw.length });
  }
  return spans;
}
