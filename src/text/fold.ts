/**
 * The two foldings of text, with one table of quote styles, so that what counts as the same
 * apostrophe is decided once.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;

const plainQuotes = (text: string) => text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');

/**
 * Folding used to decide whether an excerpt is "verbatim" in a paragraph: only whitespace and the
 * style of quotes and apostrophes may differ, so a moderator who types ' instead of ’ is not refused,
 * while any change of words is.
 */
export function foldQuotesAndSpace(text: string): string {
  if (FOLDED_ALREADY.test(text)) return text;
  return plainQuotes(text.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/**
 * Printable ASCII but the backtick (which folds to an apostrophe), one space between words: the
 * folding would change nothing. Most questions are written so, and start-up folds thousands of them.
 */
const FOLDED_ALREADY = /^[\x21-\x5F\x61-\x7E]+(?: [\x21-\x5F\x61-\x7E]+)*$/;

/**
 * True when `excerpt` occurs in `paragraph`, folding whitespace and quote style only. Checking many
 * excerpts against a few paragraphs, pass a `foldParagraph` that remembers each folded paragraph.
 */
export function isVerbatimIn(
  excerpt: string,
  paragraph: string,
  foldParagraph = foldQuotesAndSpace,
): boolean {
  const needle = foldQuotesAndSpace(excerpt);
  return needle.length > 0 && foldParagraph(paragraph).includes(needle);
}

/**
 * Folding applied to every word before it is compared, for documents and questions alike, so that
 * "Zelenskyy", "ZELENSKYY" and "Zelenskýy" meet. NFKC first turns compatibility forms (full-width
 * letters, ligatures) into plain ones; NFD then splits accents off their letters so that stripping
 * combining marks removes diacritics, and with them any "zalgo" marks stacked on a word.
 */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return plainQuotes(
    text.normalize("NFKC").toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "").normalize("NFC"),
  );
}

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * A text's words alone, folded: "“Not assurances. Not safeguards.”" is not, assurances, not,
 * safeguards, whatever punctuation a member typed around words they quote.
 */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(NOT_WORD)
    .filter((word) => word !== "");
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** Printable ASCII without backticks is left as it is by every step but lowercasing. */
const PLAIN_ASCII = /^[\t\n\r -_a-~]*$/;
