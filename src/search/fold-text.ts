/**
 * Folding applied to every word before it is compared, for documents and questions alike, so that
 * "Zelenskyy", "ZELENSKYY" and "Zelenskýy" meet. NFKC first turns compatibility forms (full-width
 * letters, ligatures) into plain ones; NFD then splits accents off their letters so that stripping
 * combining marks removes diacritics, and with them any "zalgo" marks stacked on a word.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;

/** Printable ASCII without backticks is left as it is by every step but lowercasing. */
const PLAIN_ASCII = /^[\t\n\r -_a-~]*$/;

export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"');
}
