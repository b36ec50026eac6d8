import type { Passage } from "./passages.ts";
import type { Highlight } from "./types.ts";

/**
 * The words of `passage` within [start, end) that the question matched, as ranges into the excerpt
 * text. A word counts when its stem is one of `terms`; a synonym phrase ("United States") counts as
 * a whole when its joined term is.
 */
export function findHighlights(
  passage: Passage,
  range: { start: number; end: number },
  terms: ReadonlySet<string>,
): Highlight[] {
  const found: Highlight[] = [];
  for (const phrase of passage.phrases) {
    if (terms.has(phrase.key) && phrase.start >= range.start && phrase.end <= range.end) {
      found.push({ start: phrase.start - range.start, end: phrase.end - range.start });
    }
  }
  for (const word of passage.words) {
    if (word.stop || word.start < range.start || word.end > range.end || !terms.has(word.stem)) continue;
    found.push({ start: word.start - range.start, end: word.end - range.start });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const highlight of found) {
    const last = merged[merged.length - 1];
    if (last && highlight.start <= last.end) last.end = Math.max(last.end, highlight.end);
    else merged.push({ ...highlight });
  }
  return merged;
}
