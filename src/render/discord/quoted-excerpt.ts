import type { Citation, Excerpt, Highlight } from "../../answer/answer.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { escapeText } from "./escape.ts";
import { ELLIPSIS, truncateText } from "./fit-text.ts";

/**
 * An excerpt as a Discord block quote, the words that matched the question in bold and everything
 * else escaped. When it has to be shortened it keeps whole sentences, the run with most of the
 * question's words, if that keeps most of it (what remains is still a complete, verbatim thought and
 * needs no "…"), otherwise it is cut between words and marked "…". Either way the cut never leaves a quotation opened and not closed: a reader would
 * take the rest of the card for the speaker's words. Only when no such cut fits is the quotation
 * closed after the "…", the way an editor marks a quotation cut short.
 */
export function formatQuotedExcerpt(
  excerpt: Excerpt & { matched?: readonly Highlight[] },
  max: number,
): string {
  const full = renderQuote(excerpt.text, excerpt.highlights, "");
  if (full.length <= max) return full;

  const render = (cut: number, mark: string) =>
    renderQuote(excerpt.text.slice(0, cut), excerpt.highlights, mark);
  const openQuotationAt = openQuotationsOf(excerpt.text);
  const balanced = (cut: number) => openQuotationAt(cut) === undefined;
  const closing = (cut: number) => `${ELLIPSIS}${openQuotationAt(cut) ?? ""}`;
  const anyWord = longestFitting(wordEnds(excerpt.text), (cut) => render(cut, closing(cut)), max);
  // Not even the first word fits (one enormous "word"): fall back to a plain cut.
  if (anyWord === undefined) return truncateText(full, max);
  const keepsEnough = (found: { cut: number } | undefined) =>
    found !== undefined && found.cut >= anyWord.cut * CLEAN_CUT_KEEPS;
  const sentences = mostHighlightedSentences(excerpt, max, openQuotationAt);
  if (
    sentences !== undefined &&
    (sentences.cut - sentences.start >= anyWord.cut * CLEAN_CUT_KEEPS ||
      answersWithin(excerpt, sentences.start, sentences.cut) > answersWithin(excerpt, 0, anyWord.cut) ||
      matchedWithin(excerpt, sentences.start, sentences.cut) > matchedWithin(excerpt, 0, anyWord.cut))
  )
    return sentences.text;
  const words = longestFitting(wordEnds(excerpt.text).filter(balanced), (cut) => render(cut, ELLIPSIS), max);
  if (words !== undefined && keepsEnough(words)) return words.text;
  return anyWord.text;
}

/** How many of the question's words (`matched`, or the highlights) lie wholly within [start, cut). */
function matchedWithin(
  excerpt: Excerpt & { matched?: readonly Highlight[] },
  start: number,
  cut: number,
): number {
  const { text, highlights, matched = highlights } = excerpt;
  const words = new Set<string>();
  for (const h of matched)
    if (h.start >= start && h.end <= cut) words.add(text.slice(h.start, h.end).toLowerCase());
  return words.size;
}

/** How many of the answers the excerpt gives (the date, figure or name asked for) lie within [start, cut). */
function answersWithin(excerpt: Excerpt, start: number, cut: number): number {
  return (excerpt.answers ?? []).filter((h) => h.start >= start && h.end <= cut).length;
}

/**
 * A cut at a sentence's end, or one outside any quotation, is preferred while it keeps this share of
 * what the longest cut would.
 */
const CLEAN_CUT_KEEPS = 0.6;

/**
 * The whole sentences that fit, and of those the run giving most of the answers asked for ("2015"
 * for what year the Minsk deals were), then with most of the question's words (`matched`, of which
 * the card shows a few in bold): the first sentences when they have as many as any later run,
 * otherwise the later run ("Consider what he said in March 2014 …" and then Putin's words on
 * Sevastopol, not the sentence before them). A run starts and ends outside any quotation, so it is
 * still a complete, verbatim thought.
 */
function mostHighlightedSentences(
  excerpt: Excerpt & { matched?: readonly Highlight[] },
  max: number,
  openQuotationAt: (cut: number) => string | undefined,
): { start: number; cut: number; text: string } | undefined {
  const { text, highlights, matched = highlights } = excerpt;
  const ends = [...sentenceEnds(text), text.length].filter((cut) => openQuotationAt(cut) === undefined);
  const starts = [
    0,
    ...ends
      .filter((end) => end < text.length)
      .map((end) => end + (/^\s*/.exec(text.slice(end))?.[0].length ?? 0)),
  ];
  let best: { start: number; cut: number; text: string; answers: number; bold: number } | undefined;
  for (const start of starts) {
    const shifted = highlights.map((h) => ({ start: h.start - start, end: h.end - start }));
    const run = longestFitting(
      ends.filter((cut) => cut > start),
      (cut) => renderQuote(text.slice(start, cut), shifted, ""),
      max,
    );
    if (run === undefined) continue;
    let bold = 0;
    for (const h of matched) bold += Math.max(0, Math.min(h.end, run.cut) - Math.max(h.start, start));
    const answers = answersWithin(excerpt, start, run.cut);
    if (best === undefined || answers > best.answers || (answers === best.answers && bold > best.bold))
      best = { start, ...run, answers, bold };
  }
  return best;
}

/** The longest cut whose rendering fits; renderings grow with the cut, so a binary search finds it. */
function longestFitting(
  cuts: readonly number[],
  render: (cut: number) => string,
  max: number,
): { cut: number; text: string } | undefined {
  let best: { cut: number; text: string } | undefined;
  let low = 0;
  let high = cuts.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const cut = cuts[middle] ?? 0;
    const text = render(cut);
    if (text.length <= max) {
      best = { cut, text };
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/**
 * For each cut of `text`: the closing mark of a quotation opened before it and not closed by then, if
 * any. Curly quotes say which way they face; a straight one opens when it follows a space or starts the
 * text, and otherwise closes. A closing mark with no opening (an excerpt that starts inside a
 * quotation) is not the cut's doing and is ignored. Worked out in one pass, since every word end of an
 * excerpt is asked about.
 */
export function openQuotationsOf(text: string): (cut: number) => string | undefined {
  const openBefore = new Array<string | undefined>(text.length + 1);
  const open: string[] = [];
  openBefore[0] = undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === LEFT_DOUBLE_QUOTE) open.push("\u201d");
    else if (char === RIGHT_DOUBLE_QUOTE) open.pop();
    else if (char === STRAIGHT_DOUBLE_QUOTE) {
      if (i === 0 || /[\s([\u2014-]/.test(text.charAt(i - 1))) open.push('"');
      else open.pop();
    }
    openBefore[i + 1] = open.at(-1);
  }
  return (cut) => openBefore[Math.min(cut, text.length)];
}

const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;
const STRAIGHT_DOUBLE_QUOTE = 0x22;

/**
 * "— [NPR](link) · Amy Mackinnon · 7 Jan 2022 · ¶6": who wrote it, where, and which paragraph. With
 * `link`, the outlet links to the article, so an answer needs no row of link buttons.
 */
export function formatCitation(citation: Citation, options: { link?: boolean } = {}): string {
  const source = escapeText(citation.outlet ?? citation.title);
  const url = options.link === true ? markdownUrl(citation.url) : undefined;
  const parts = [
    url === undefined ? source : `[${source}](${url})`,
    escapeOptional(formatAuthors(citation.authors)),
    escapeOptional(
      citation.published === undefined ? undefined : formatPartialDate(citation.published, "short"),
    ),
    `¶${citation.paragraph}`,
  ].filter((part): part is string => part !== undefined && part.length > 0);
  return `— ${parts.join(" · ")}`;
}

function escapeOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeText(text);
}

/**
 * An address safe inside a markdown link: http(s) only (knowledge files are checked, but cheaply
 * re-checked here), with the brackets and spaces that would end the link encoded.
 */
export function markdownUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  return parsed.href.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
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

/**
 * After each sentence: its full stop, question or exclamation mark, and any closing quotes or
 * brackets, before the next word. An initial ("U.S. officials") is not a sentence's end.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(/(?<!\b\p{Lu})[.!?][\u201d"')\]]*(?=\s+\S)/gu))
    ends.push(match.index + match[0].length);
  return ends;
}

interface Segment {
  text: string;
  bold: boolean;
}

/** `mark` closes a shortened quote: "…", possibly with the closing quotation mark after it. */
function renderQuote(text: string, highlights: readonly Highlight[], mark: string): string {
  const body = splitByHighlights(text, highlights).map(renderSegment).join("");
  const quoted = `> ${body.replace(/\n/g, "\n> ")}`;
  return mark === "" ? quoted : `${quoted} ${mark}`;
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
