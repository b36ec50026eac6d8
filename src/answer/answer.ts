/**
 * What the answer layer hands to every front end (Discord, console, CLI --json). Transport-free.
 */

export interface Citation {
  article: string;
  title: string;
  outlet?: string;
  authors: string[];
  published?: string;
  url?: string;
  paragraph: number;
  section?: string;
}

/** A [start, end) range of characters of `Excerpt.text` that matched the question. */
export interface Highlight {
  start: number;
  end: number;
}

/** Where an excerpt is from, as "article#n": one answer shows each paragraph once. */
export function paragraphOf(excerpt: Excerpt): string {
  return `${excerpt.citation.article}#${excerpt.citation.paragraph}`;
}

export type ResultKind = "qa" | "passage" | "quote" | "event" | "demand" | "person";

export interface Excerpt {
  /** Exact words from the cited paragraph: never edited, never cut mid-word. */
  text: string;
  highlights: Highlight[];
  /**
   * Where it gives the date, figure or name the question asks for ("2015" for "what year"): shown in
   * bold beside the question's telling words, but not counted as words of the question.
   */
  answers?: Highlight[];
  citation: Citation;
}

export interface AnswerResult {
  kind: ResultKind;
  /** Stable id of what matched: a passage "article#n", or a curated entry id. */
  id: string;
  /** Curated wording that introduces the excerpts (a Q&A answer, a demand title, a speaker…). */
  heading?: string;
  /** A curated summary, for Q&A entries only; the excerpts carry the evidence. */
  summary?: string;
  /** Set on a server's own (moderators') Q&A entry: the server whose moderators wrote it. */
  guildId?: string;
  /** For events: the date ("2008", "2021-12", "2022-01-10"); for quotes, when known. */
  date?: string;
  /**
   * For quotes: who spoke, with their role at the time and the occasion. For a passage quoting someone
   * its excerpt does not name: who that is, as the curated quotations say.
   */
  speaker?: { id: string; name: string; role: string; context: string };
  /** For people (`who`): who they are and the other names members may use for them. */
  person?: { id: string; name: string; role: string; aliases: string[] };
  /** The main evidence, best first. */
  excerpts: Excerpt[];
  /** Labelled evidence, for demands: "Russia's reasoning", "Western response", "Room for compromise". */
  sections?: Array<{ label: string; excerpts: Excerpt[] }>;
  score: number;
}

/** What /source lists: an article's metadata, as far as the text gives it. */
export interface ArticleSummary {
  id: string;
  title: string;
  subtitle?: string;
  outlet?: string;
  authors: string[];
  /** Who contributed reporting without a byline (NPR's Michele Kelemen). */
  contributors?: string[];
  /** What the article says of its writers, word for word (see ArticleMeta.credits). */
  credits?: string[];
  published?: string;
  url?: string;
  paragraphs: number;
  /** Set on a republication, which is listed but never quoted. */
  duplicateOf?: string;
}

export interface Answer {
  /** False when the articles do not seem to cover the question: results are then only suggestions. */
  confident: boolean;
  results: AnswerResult[];
  /**
   * Set when the question was asked of one article, which does not seem to cover it, and the results
   * are the other articles' answer instead: the article asked of.
   */
  notCoveredBy?: { article: string; title: string; outlet?: string };
  /** Set when the question was a follow-up, read with the member's previous question: that question. */
  readWith?: string;
}
