/**
 * Where a curated excerpt sits in its paragraph. Excerpts are checked verbatim with whitespace and
 * quote style folded (src/text/fold.ts), so the same folding is applied here while remembering
 * where each folded character came from; the caller then shows the paragraph's own characters.
 */
const QUOTE_FOLDS: ReadonlyMap<string, string> = new Map([
  ["\u2018", "'"],
  ["\u2019", "'"],
  ["\u201A", "'"],
  ["\u201B", "'"],
  ["\u2032", "'"],
  ["\u0060", "'"],
  ["\u00B4", "'"],
  ["\u201C", '"'],
  ["\u201D", '"'],
  ["\u201E", '"'],
  ["\u201F", '"'],
  ["\u2033", '"'],
  ["\u00AB", '"'],
  ["\u00BB", '"'],
]);

function foldWithPositions(text: string): { folded: string; positions: number[] } {
  let folded = "";
  const positions: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      if (!inSpace) {
        folded += " ";
        positions.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    folded += QUOTE_FOLDS.get(char) ?? char;
    positions.push(i);
  }
  return { folded, positions };
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);

/** The [start, end) range of `excerpt` in `paragraph`, widened to whole words; undefined if absent. */
export function locateVerbatim(
  excerpt: string,
  paragraph: string,
): { start: number; end: number } | undefined {
  const needle = foldWithPositions(excerpt.normalize("NFC")).folded.trim();
  if (needle.length === 0) return undefined;
  const { folded, positions } = foldWithPositions(paragraph);
  const at = folded.indexOf(needle);
  if (at < 0) return undefined;
  let start = positions[at] ?? 0;
  let end = (positions[at + needle.length - 1] ?? paragraph.length - 1) + 1;
  // Never cut a word: a moderator's excerpt may start or stop inside one.
  while (start > 0 && isWordChar(paragraph[start - 1]) && isWordChar(paragraph[start])) start -= 1;
  while (end < paragraph.length && isWordChar(paragraph[end - 1]) && isWordChar(paragraph[end])) end += 1;
  return { start, end };
}
