/**
 * Shortening text to a Discord limit without leaving a mess: at a word boundary when one is near,
 * never inside a surrogate pair or grapheme, never leaving a dangling escape or an unclosed `**`, and
 * always marked with "…". Lengths are UTF-16 code units (what JavaScript and Discord's checks count),
 * which is never fewer than the characters a person sees, so a fitted text is within every reading
 * of the limit.
 */

export const ELLIPSIS = "…";

/** A word boundary this close to the cut is worth the lost characters; further back, cut mid-word. */
const WORD_BOUNDARY_REACH = 0.6;
/** A grapheme longer than this (zalgo text stacks hundreds of marks) may be split at a code point. */
const LONGEST_GRAPHEME_KEPT = 32;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const room = max - ELLIPSIS.length;
  let head = cutAndRepair(text, room);
  // Closing a bold run adds two characters; cut again with room for them.
  if (head.length > room) head = cutAndRepair(text, room - 2);
  return `${head}${ELLIPSIS}`;
}

function cutAndRepair(text: string, budget: number): string {
  return repairMarkdown(text.slice(0, safeCut(text, budget)).trimEnd());
}

/** The index to cut `text` at so that at most `budget` units remain. */
function safeCut(text: string, budget: number): number {
  if (budget <= 0) return 0;
  const lastSpace = lastWhitespaceBefore(text, budget);
  if (lastSpace >= budget * WORD_BOUNDARY_REACH) return lastSpace;
  return graphemeBoundaryAtOrBefore(text, budget);
}

function lastWhitespaceBefore(text: string, index: number): number {
  for (let i = Math.min(index, text.length - 1); i > 0; i--) {
    if (/\s/.test(text.charAt(i))) return i;
  }
  return -1;
}

function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  let boundary = 0;
  // Only the part up to the cut (plus the grapheme straddling it) needs segmenting.
  const window = text.slice(0, index + LONGEST_GRAPHEME_KEPT);
  for (const { index: start } of graphemes.segment(window)) {
    if (start > index) break;
    boundary = start;
  }
  if (index - boundary <= LONGEST_GRAPHEME_KEPT) return boundary;
  return isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A cut can end on the first half of an escape (`\`), which would escape our ellipsis, or between a
 * pair of `**`, which would make the rest of the message bold. Only `**` is repaired: it is the only
 * emphasis the renderer writes, and user text has its own markers escaped.
 */
export function repairMarkdown(text: string): string {
  let repaired = text;
  if (trailingBackslashes(repaired) % 2 === 1) repaired = repaired.slice(0, -1);
  if (countUnescapedBold(repaired) % 2 === 0) return repaired;
  // An opening "**" with nothing after it is dropped; otherwise the bold run is closed.
  repaired = repaired.trimEnd();
  return repaired.endsWith("**") ? repaired.slice(0, -2).trimEnd() : `${repaired}**`;
}

function trailingBackslashes(text: string): number {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text.charAt(i) === "\\"; i--) count++;
  return count;
}

export function countUnescapedBold(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "\\") {
      i++; // The next character is escaped.
    } else if (char === "*" && text.charAt(i + 1) === "*") {
      count++;
      i++;
    }
  }
  return count;
}
