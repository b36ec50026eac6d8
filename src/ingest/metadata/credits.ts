import { parseWrittenDate, WRITTEN_DATE } from "./dates.ts";
import { splitNameList } from "./names.ts";

/**
 * Bylines ("BY DMITRI TRENIN December 28, 2021") and the credit lines at the foot of news
 * stories ("Sonne reported from Washington.", "X and Y contributed to this report.").
 */

const CONTRIBUTED = /^(.+?) contributed to this (?:report|explainer|article|story|piece|coverage)\b/i;
const REPORTED_FROM = /^(.+?) reported from \p{Lu}/u;
const BYLINE = /^[Bb][Yy]:?\s+(.+?)[\s,|·—-]*$/u;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((sentence) => sentence.trim() !== "");
}

export function contributorsIn(sentence: string): string[] {
  const match = CONTRIBUTED.exec(sentence.trim());
  return (match?.[1] && splitNameList(match[1])) || [];
}

export function reportersIn(sentence: string): string[] {
  const match = REPORTED_FROM.exec(sentence.trim());
  return (match?.[1] && splitNameList(match[1])) || [];
}

/** True when every sentence of the block is a credit, so nothing of the story is lost with it. */
export function isCreditLine(text: string): boolean {
  const sentences = sentencesOf(text);
  return (
    sentences.length > 0 &&
    sentences.every((sentence) => contributorsIn(sentence).length > 0 || reportersIn(sentence).length > 0)
  );
}

export function creditNames(text: string): { authors: string[]; contributors: string[] } {
  const sentences = sentencesOf(text);
  return { authors: sentences.flatMap(reportersIn), contributors: sentences.flatMap(contributorsIn) };
}

export interface Byline {
  authors: string[];
  published?: string;
}

/** The whole line must be "By" + names (+ a date): "By contrast, Russia…" is prose, not a byline. */
export function parseByline(text: string): Byline | undefined {
  const dateMatch = new RegExp(WRITTEN_DATE).exec(text);
  const withoutDate = dateMatch ? text.replace(dateMatch[0], " ") : text;
  const match = BYLINE.exec(withoutDate.replace(/\s+/g, " ").trim());
  const authors = match?.[1] ? splitNameList(match[1]) : undefined;
  if (!authors) return undefined;
  const published = dateMatch ? parseWrittenDate(dateMatch[0]) : undefined;
  return published ? { authors, published } : { authors };
}
