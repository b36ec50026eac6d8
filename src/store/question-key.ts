import { foldQuotesAndSpace } from "../text/fold.ts";

/** Invisible format characters (zero-width spaces and joiners, BOM, direction marks). */
const INVISIBLE = /\p{Cf}/gu;
const TRAILING_PUNCTUATION = /[\s?？!！.。…]+$/u;

/** The text without invisible characters: what a reader actually sees. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, "").trim();
}

/**
 * The key two questions share when a moderator would call them the same question: compatibility
 * forms (full-width letters, ligatures), invisible characters, case, spacing, quote style and
 * closing punctuation are folded away. Stored text is never folded; only this key is.
 */
export function questionKey(question: string): string {
  const visible = question.normalize("NFKC").replace(INVISIBLE, "");
  return foldQuotesAndSpace(visible).toLowerCase().replace(TRAILING_PUNCTUATION, "");
}
