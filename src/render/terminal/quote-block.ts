import type { Excerpt, Highlight } from "../../answer/answer.ts";
import type { TerminalStyle } from "./terminal.ts";

export interface BlockLayout {
  style: TerminalStyle;
  /** Terminal width to wrap at; undefined keeps each excerpt on one line (pipes, files, tests). */
  width?: number;
  indent: string;
}

const MIN_TEXT_WIDTH = 20;

/** An excerpt as a "> " quote block, its matched words emphasised, wrapped between words. */
export function renderQuoteBlock(excerpt: Excerpt, layout: BlockLayout): string[] {
  const prefix = `${layout.indent}> `;
  const highlights = mergeHighlights(excerpt.highlights, excerpt.text.length);
  const lines =
    layout.width === undefined
      ? [{ start: 0, end: excerpt.text.length }]
      : wrapRanges(excerpt.text, Math.max(MIN_TEXT_WIDTH, layout.width - prefix.length));
  return lines.map(
    ({ start, end }) => prefix + emphasise(excerpt.text, start, end, highlights, layout.style),
  );
}

/** Sorted, non-overlapping highlights inside the text: the answer layer's ranges are not trusted blindly. */
function mergeHighlights(highlights: ReadonlyArray<Highlight>, length: number): Highlight[] {
  const sorted = highlights
    .map((h) => ({ start: Math.max(0, h.start), end: Math.min(length, h.end) }))
    .filter((h) => h.start < h.end)
    .sort((a, b) => a.start - b.start);
  const merged: Highlight[] = [];
  for (const h of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

function emphasise(
  text: string,
  start: number,
  end: number,
  highlights: Highlight[],
  style: TerminalStyle,
): string {
  let out = "";
  let at = start;
  for (const h of highlights) {
    const from = Math.max(h.start, start);
    const to = Math.min(h.end, end);
    if (from >= to) continue;
    out += text.slice(at, from) + style.bold(text.slice(from, to));
    at = to;
  }
  return out + text.slice(at, end);
}

/** Plain text wrapped between words to `width` columns after `indent`; one line when width is undefined. */
export function wrapLines(text: string, indent: string, width: number | undefined): string[] {
  if (width === undefined) return [`${indent}${text}`];
  return wrapRanges(text, Math.max(MIN_TEXT_WIDTH, width - indent.length)).map(
    ({ start, end }) => `${indent}${text.slice(start, end)}`,
  );
}

/** Greedy word wrap returning character ranges, so highlights keep their offsets. */
function wrapRanges(text: string, width: number): Highlight[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const lines: Highlight[] = [];
  for (const word of words) {
    const line = lines.at(-1);
    if (line !== undefined && word.end - line.start <= width) line.end = word.end;
    else lines.push({ ...word });
  }
  return lines.length > 0 ? lines : [{ start: 0, end: text.length }];
}
