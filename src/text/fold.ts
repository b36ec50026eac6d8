/**
 * Folding used to decide whether an excerpt is "verbatim" in a paragraph: only whitespace and the
 * style of quotes and apostrophes may differ, so a moderator who types ' instead of ’ is not refused,
 * while any change of words is.
 */
const QUOTE_STYLES: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
];

export function foldQuotesAndSpace(text: string): string {
  let folded = text.normalize("NFC");
  for (const [pattern, plain] of QUOTE_STYLES) folded = folded.replace(pattern, plain);
  return folded.replace(/\s+/g, " ").trim();
}

/** True when `excerpt` occurs in `paragraph`, folding whitespace and quote style only. */
export function isVerbatimIn(excerpt: string, paragraph: string): boolean {
  const needle = foldQuotesAndSpace(excerpt);
  return needle.length > 0 && foldQuotesAndSpace(paragraph).includes(needle);
}
