/** A sentence of a paragraph as a [start, end) range of its characters, spaces excluded. */
export interface SentenceRange {
  start: number;
  end: number;
}

/**
 * Words after which a period does not end a sentence: titles ("Lt. Col."), months ("Jan. 10") and
 * the like. Initials ("U.S.", "Anton T. Semelroth") are recognised by their shape instead.
 */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt sgt adm cmdr sen rep gov pres st jr sr inc corp co ltd " +
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx dept est fig mt ft"
  ).split(" "),
);

/** End punctuation, any closing quotes or brackets, then space and a likely sentence start. */
const BOUNDARY = /[.!?]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, periodAt: number): boolean {
  const before = text.slice(Math.max(0, periodAt - 12), periodAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  if (word.length === 0) return false;
  // Initials and initialisms: "T.", "U.S.", "U.S.S.R."
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits a paragraph into sentences, coping with "U.S.", "Lt. Col.", "Jan. 10" and ".”". */
export function splitSentences(text: string): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  let start = text.search(/\S/);
  if (start < 0) return sentences;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuation = match[0];
    if (punctuation.startsWith(".") && punctuation.length === 1 && endsWithAbbreviation(text, match.index)) {
      continue;
    }
    const end = match.index + punctuation.length;
    if (end > start) sentences.push({ start, end });
    start = end + (/^\s*/.exec(text.slice(end))?.[0].length ?? 0);
  }
  const end = text.trimEnd().length;
  if (end > start) sentences.push({ start, end });
  return sentences;
}
