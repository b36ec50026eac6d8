import type { Article, Citation as KnowledgeCitation, Paragraph } from "../../knowledge/schema.ts";
import { passageRef } from "../../search/search-documents.ts";
import { foldedWords } from "../../text/fold.ts";
import type { Citation, Excerpt, Highlight } from "../answer.ts";
import { locateVerbatim } from "../locate-verbatim.ts";
import type { Passage, PassageLibrary } from "./passages.ts";
import type { RelevantTerms } from "./relevant-terms.ts";
import { bestSentenceWindow, scoreRange } from "./sentence-window.ts";
import { splitSentences } from "./sentences.ts";

type Range = { start: number; end: number };

/**
 * At most this many sentences make the run that matches best; one under SHORT_EXCERPT characters
 * gets its neighbour, since the clause that answers often sits in the next sentence. At 250 rather
 * than 120 characters, excerpts grew by a tenth (median 247 → 294 characters) and the development
 * questions in members' words found the answer in the first three cards 3 points more often. Three
 * short sentences get one too (NPR ¶15's last, "Moscow has also failed to meet obligations", sat
 * beside three of 170 characters): one more question of the tuned sets answered, none lost.
 */
const MAX_SENTENCES = 3;
/** Widening a curated excerpt must add some question word it lacks (any weight above nothing). */
const MIN_WIDENING_GAIN = 0.01;
const SHORT_EXCERPT = 250;

export function excerptOfRange(passage: Passage, range: Range, terms: RelevantTerms): Excerpt {
  const text = passage.paragraph.text.slice(range.start, range.end);
  // The date, figure or name asked for, where the excerpt gives the answer (see typed-answer.ts).
  const answers = terms.answers && terms.wants?.(text) === true ? terms.answers(text) : [];
  const highlights = findHighlights(passage, range, terms);
  const given = answersInTheClosestSentences(text, answers, highlights);
  return {
    text,
    highlights,
    ...(given.length > 0 ? { answers: given } : {}),
    citation: citePassage(passage),
  };
}

/**
 * The answers given by the sentences that share most of the question's words, of those giving one: for
 * "when did putin say retaking donbas would trigger a military response", Trenin ¶11's 2018 (the
 * sentence with Putin, Donbas and the military response), not the 2008 of the precedent after it.
 */
function answersInTheClosestSentences(
  text: string,
  answers: readonly Highlight[],
  highlights: readonly Highlight[],
): Highlight[] {
  if (answers.length < 2) return [...answers];
  const within = (span: Highlight, sentence: Range) =>
    span.start >= sentence.start && span.end <= sentence.end;
  const giving = splitSentences(text).filter((sentence) => answers.some((span) => within(span, sentence)));
  if (giving.length < 2) return [...answers];
  const questionWords = (sentence: Range) =>
    new Set(
      highlights
        .filter((span) => within(span, sentence))
        .map((span) => text.slice(span.start, span.end).toLowerCase()),
    ).size;
  const shared = giving.map(questionWords);
  const most = Math.max(...shared);
  const closest = giving.filter((_, i) => shared[i] === most);
  return answers.filter((span) => closest.some((sentence) => within(span, sentence)));
}

/** Where a curated excerpt citing the passage's paragraph sits in it, found once. */
export function locatedIn(passage: Passage, excerpt: string): { start: number; end: number } | undefined {
  if (!passage.located.has(excerpt))
    passage.located.set(excerpt, locateVerbatim(excerpt, passage.paragraph.text));
  return passage.located.get(excerpt);
}

/**
 * A curated citation as an excerpt: the paragraph's own characters, widened to whole words. When
 * the sentence that answers the question sits right beside the curated words (a Q&A cites "We're
 * going to put on the table our concern…", the member asked about "reciprocity", said next), the
 * excerpt is widened to include it, up to three sentences in all. A quotation is never widened:
 * its excerpt is the speaker's words, not the reporter's around them.
 */
export function excerptOfCitation(
  library: PassageLibrary,
  citation: KnowledgeCitation,
  terms: RelevantTerms,
  options: { widen: boolean } = { widen: true },
): Excerpt | undefined {
  const passage = library.get(passageRef(citation.article, citation.paragraph));
  if (!passage) return undefined;
  const located = locatedIn(passage, citation.excerpt);
  if (!located) return undefined;
  if (!options.widen) return excerptOfRange(passage, located, terms);
  const range = wholeSentences(passage, located);
  const window = terms.size > 0 ? bestSentenceWindow(passage, terms, MAX_SENTENCES, range) : undefined;
  const curated = scoreRange(passage, range, terms);
  const widened =
    window && scoreRange(passage, window, terms) >= curated + MIN_WIDENING_GAIN ? window : range;
  const shown = terms.reasonAsked ? withReasonAfter(passage, widened) : widened;
  return excerptOfRange(passage, withWholeQuotations(passage, withQuoteGoingOn(passage, shown)), terms);
}

/**
 * Asked why, a curated excerpt of one or two sentences takes in the sentence after it: a claim is
 * followed by its reason ("This does not mean a Russian invasion of Ukraine is imminent. Despite the
 * Western media's predilection…, he is in fact cautious and calculating").
 */
function withReasonAfter(passage: Passage, range: Range): Range {
  const { sentences } = passage;
  const first = sentences.findIndex((sentence) => sentence.end > range.start);
  const next = sentences.findIndex((sentence) => sentence.start >= range.end);
  if (first < 0 || next < 0 || next - first >= MAX_SENTENCES) return range;
  return { start: range.start, end: (sentences[next] as Range).end };
}

/** An article's run-in label opening a sentence: "Russia's reasoning: ", "NATO's counter: ". */
const RUN_IN_LABEL = /^[^.!?:;"“”]{3,40}:\s+/;

/**
 * The sentences a curated citation's words sit in, whole: curators cite the clause that makes their
 * point ("what he cares most about is preventing NATO expansion in Ukraine"), and a card that opens
 * mid-sentence, without saying who or what the clause is about, reads as if words were missing.
 * An article's run-in label is left off (the card's heading says what the excerpt is).
 */
function wholeSentences(passage: Passage, range: Range): Range {
  const { sentences } = passage;
  const text = passage.paragraph.text;
  const first = sentences.find((sentence) => sentence.end > range.start);
  const last = sentences.findLast((sentence) => sentence.start < range.end);
  if (first === undefined || last === undefined) return range;
  const label = RUN_IN_LABEL.exec(text.slice(first.start, range.start))?.[0].length ?? 0;
  return { start: Math.min(range.start, first.start + label), end: Math.max(range.end, last.end) };
}

/**
 * The 1–3 consecutive sentences of a passage that match the question best (see sentence-window.ts),
 * or the whole paragraph when the question quotes its words back (see quotesFrom).
 */
export function excerptOfPassage(passage: Passage, terms: RelevantTerms): Excerpt {
  const { sentences } = passage;
  if (quotesFrom(passage, terms))
    return excerptOfRange(passage, { start: 0, end: passage.paragraph.text.length }, terms);
  const window = bestSentenceWindow(passage, terms, MAX_SENTENCES);
  if (!window) return excerptOfRange(passage, { start: 0, end: passage.paragraph.text.length }, terms);
  let { first, last } = window;
  // A short excerpt reads better with its neighbour.
  const length = (sentences[last]?.end ?? 0) - (sentences[first]?.start ?? 0);
  if (length < SHORT_EXCERPT) {
    if (last + 1 < sentences.length) last += 1;
    else if (first > 0) first -= 1;
  }
  const range = {
    start: sentences[first]?.start ?? 0,
    end: sentences[last]?.end ?? passage.paragraph.text.length,
  };
  return excerptOfRange(passage, withQuoteGoingOn(passage, withWholeQuotations(passage, range)), terms);
}

/**
 * Whether the question quotes words of this paragraph back ("“saddled with a promise to Kyiv” —
 * which promise is Trenin talking about?", "“get lost along with your concerns” — who is saying
 * that?"), every word of a quotation, as a member remembers it ("putin said smth like 'not on
 * paper? then get lost'"). The member has read those words; what they ask is what surrounds them:
 * who spoke them, what they refer to, often sentences before them. The best window held the quoted
 * words and missed that, so such a paragraph is shown whole, when it is no longer than a long
 * excerpt (every shipped paragraph is). Tuned sets: six more questions answered in the first three
 * cards, five of them first; none lost.
 */
function quotesFrom(passage: Passage, terms: RelevantTerms): boolean {
  const { quoted } = terms;
  if (quoted === undefined || quoted.length === 0) return false;
  if (passage.paragraph.text.length > WHOLE_PARAGRAPH_LIMIT) return false;
  return quotesParagraph(passage.paragraph.text, quoted);
}

/** Whether a paragraph holds every word of one of the quotations (each as foldedWords gives it). */
export function quotesParagraph(paragraph: string, quoted: ReadonlyArray<ReadonlyArray<string>>): boolean {
  if (quoted.length === 0) return false;
  const words = new Set(foldedWords(paragraph));
  return quoted.some((quotation) => quotation.every((word) => words.has(word)));
}

/** Characters: the longest shipped paragraph has 912. */
const WHOLE_PARAGRAPH_LIMIT = 1000;

/**
 * A quotation is shown whole: a range that starts or ends inside one takes in the sentences that
 * open or close it (at most the whole paragraph), so a card never shows a quotation's closing mark
 * without its opening one, or the reverse.
 */
function withWholeQuotations(passage: Passage, range: Range): Range {
  const { sentences } = passage;
  const text = passage.paragraph.text;
  let first = sentences.findIndex((sentence) => sentence.end > range.start);
  let last = sentences.findLastIndex((sentence) => sentence.start < range.end);
  if (first < 0 || last < 0) return range;
  let { start, end } = range;
  while (first > 0 && unopenedQuotes(text.slice(start, end)) > 0) {
    first -= 1;
    start = sentences[first]?.start ?? start;
  }
  while (unclosedQuotes(text.slice(start, end)) > 0 && end < text.length) {
    // The closing mark right after the range ("…any kind of dialogue.”"), or the next sentence.
    if (/["”]/.test(text.charAt(end))) end += 1;
    else if (last + 1 < sentences.length) end = sentences[++last]?.end ?? end;
    else break;
  }
  return { start, end };
}

/** A sentence that ends by saying who spoke the quotation before it: "…," Ryabkov said Monday. */
const ATTRIBUTION_AT_END = /["”],?\s+[^"“”]*\b(?:said|says|told|added|argued|warned|insisted)\b[^"“”]*$/;
/** A sentence with no quotation that says someone spoke: "Consider what he said in March 2014…". */
const ANNOUNCES_SPEECH =
  /^[^"“”]*\b(?:said|says|told|added|argued|warned|insisted|wrote|declared|put it)\b[^"“”]*$/;
/** A sentence that opens a quotation. */
const OPENS_QUOTE = /^["“]/;

/**
 * An excerpt ending where someone is said to have spoken, when their words go on in the next
 * sentence, takes those words in (to where the quotation closes): "We don't trust the other side,"
 * Ryabkov said. "We need ironclad, waterproof… guarantees." So does one ending where their words
 * are announced: "Consider what he said in March 2014…" stopped before what he said.
 */
function withQuoteGoingOn(passage: Passage, range: Range): Range {
  const { sentences } = passage;
  const text = passage.paragraph.text;
  const last = sentences.findIndex((sentence) => sentence.end >= range.end);
  const next = sentences[last + 1];
  if (last < 0 || !next) return range;
  const lastText = text.slice(sentences[last]?.start ?? 0, sentences[last]?.end ?? 0);
  const spoke = ATTRIBUTION_AT_END.test(lastText) || ANNOUNCES_SPEECH.test(lastText);
  if (!spoke || !OPENS_QUOTE.test(text.slice(next.start, next.end))) return range;
  let end = last + 1;
  while (end + 1 < sentences.length && quoteBalance(text.slice(next.start, sentences[end]?.end ?? 0)) > 0)
    end += 1;
  const widened = { start: range.start, end: sentences[end]?.end ?? range.end };
  // Curated words that begin just inside a quotation take its opening mark along, now that the
  // excerpt shows where it closes: `"We don't trust the other side," Ryabkov said`, not `side,"`.
  const opening = widened.start - 1;
  if (
    opening >= 0 &&
    OPENS_QUOTE.test(text.charAt(opening)) &&
    quoteBalance(text.slice(widened.start, widened.end)) < 0
  )
    widened.start = opening;
  return widened;
}

/**
 * Opening minus closing quotation marks: above 0, a quotation is left open; below 0, one is closed
 * that the text never opened. A straight quote opens before a word and closes after one.
 */
export function quoteBalance(text: string): number {
  return quoteMarks(text).balance;
}

/** Quotations the text closes without opening them: it starts inside one ("…values,” Sullivan said."). */
export function unopenedQuotes(text: string): number {
  return -quoteMarks(text).lowest;
}

/** Quotations the text opens and never closes: it ends inside one, though it may start inside another. */
export function unclosedQuotes(text: string): number {
  const { balance, lowest } = quoteMarks(text);
  return balance - lowest;
}

/** The balance of quotation marks at the end of the text, and the lowest it fell to on the way. */
function quoteMarks(text: string): { balance: number; lowest: number } {
  let balance = 0;
  let lowest = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\u201C") balance += 1;
    else if (char === "\u201D") balance -= 1;
    else if (char === '"') balance += i === 0 || /[\s([]/.test(text[i - 1] ?? "") ? 1 : -1;
    lowest = Math.min(lowest, balance);
  }
  return { balance, lowest };
}

/** The display citation of a passage: everything a reader needs to find the words themselves. */
export function citePassage(passage: Passage): Citation {
  return citeParagraph(passage.article, passage.paragraph);
}

/** The display citation of one paragraph of an article. */
export function citeParagraph(article: Article, paragraph: Paragraph): Citation {
  return {
    article: article.id,
    title: article.title,
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    authors: [...article.authors],
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.url === undefined ? {} : { url: article.url }),
    paragraph: paragraph.n,
    ...(paragraph.section === undefined ? {} : { section: paragraph.section }),
  };
}

/**
 * The words of `passage` within [start, end) that the question matched, as ranges into the excerpt
 * text. A word counts when its stem is one of `terms`; a synonym phrase ("United States") counts as
 * a whole when its joined term is.
 */
export function findHighlights(
  passage: Passage,
  range: { start: number; end: number },
  terms: Pick<ReadonlySet<string>, "has">,
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
