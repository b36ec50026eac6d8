import type { Citation, Excerpt, Highlight } from "../../answer/types.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { escapeText } from "./escape.ts";
import { ELLIPSIS, truncateText } from "./fit-text.ts";

/**
 * An excerpt as a Discord block quote, the words that matched the question in bold and everything
 * else escaped. When it has to be shortened, the cut falls between words of the excerpt itself, so a
 * bold run or an escape is never split.
 */
export function formatQuotedExcerpt(excerpt: Excerpt, max: number): string {
  const full = renderQuote(excerpt.text, excerpt.highlights, false);
  if (full.length <= max) return full;

  const cuts = wordEnds(excerpt.text);
  let best: string | undefined;
  let low = 0;
  let high = cuts.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const cut = cuts[middle] ?? 0;
    const candidate = renderQuote(excerpt.text.slice(0, cut), excerpt.highlights, true);
    if (candidate.length <= max) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Not even the first word fits (one enormous "word"): fall back to a plain cut.
  return best ?? truncateText(full, max);
}

/** "— Foreign Policy · Amy Mackinnon · 7 Jan 2022 · ¶6": who said it, where, and which paragraph. */
export function formatCitation(citation: Citation): string {
  const parts = [
    citation.outlet ?? citation.title,
    formatAuthors(citation.authors),
    citation.published === undefined ? undefined : formatPartialDate(citation.published, "short"),
    `¶${citation.paragraph}`,
  ].filter((part): part is string => part !== undefined && part.length > 0);
  return `— ${parts.map(escapeText).join(" · ")}`;
}

export function formatAuthors(authors: readonly string[]): string | undefined {
  if (authors.length === 0) return undefined;
  if (authors.length <= 2) return authors.join(" and ");
  return `${authors[0]} et al.`;
}

/** Where the text may be cut: after each word, never inside one. */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(/\S(?=\s|$)/g)) ends.push(match.index + match[0].length);
  return ends;
}

interface Segment {
  text: string;
  bold: boolean;
}

function renderQuote(text: string, highlights: readonly Highlight[], cut: boolean): string {
  const body = splitByHighlights(text, highlights).map(renderSegment).join("");
  const quoted = `> ${body.replace(/\n/g, "\n> ")}`;
  return cut ? `${quoted} ${ELLIPSIS}` : quoted;
}

function renderSegment(segment: Segment): string {
  if (!segment.bold) return escapeText(segment.text);
  // "** word**" is not bold in Discord: surrounding spaces stay outside the markers.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment.text);
  const [lead = "", core = "", trail = ""] = match === null ? [] : match.slice(1);
  return core.length === 0 ? segment.text : `${lead}**${escapeText(core)}**${trail}`;
}

/** Highlights come from the answer layer; they are clipped, sorted and merged here rather than trusted. */
export function splitByHighlights(text: string, highlights: readonly Highlight[]): Segment[] {
  const ranges = highlights
    .map((h) => ({
      start: Math.max(0, Math.min(h.start, text.length)),
      end: Math.max(0, Math.min(h.end, text.length)),
    }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let position = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, position);
    if (range.end <= start) continue;
    if (start > position) segments.push({ text: text.slice(position, start), bold: false });
    segments.push({ text: text.slice(start, range.end), bold: true });
    position = range.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), bold: false });
  return mergeAdjacentBold(segments);
}

/** Two touching highlights would otherwise render as "**a****b**", which Discord shows literally. */
function mergeAdjacentBold(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.bold === segment.bold) previous.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
