import type { Article } from "../knowledge/schema.ts";
import { comparableWords } from "./text-shape.ts";

/**
 * Republication detection by word-shingle containment: the share of the new text's five-word runs
 * that also occur in one existing article. A republication copies whole sentences, so nearly all of
 * its runs are found in the original even when sentences are dropped or reordered; two independent
 * articles on the same events share only stock phrases ("the United States and NATO"), a few per
 * cent of their runs. Five words are long enough that such phrases rarely fill a whole run.
 */
const SHINGLE_WORDS = 5;

/**
 * Half of the new text found in one article. The seed republication scores above 0.9 against its
 * original while unrelated articles on the same subject stay under 0.1, so the line sits in a wide
 * gap; a text below it shares passages but is more than a copy, and an admin should read it.
 */
export const REPUBLICATION_THRESHOLD = 0.5;

/** Too few runs to judge: a handful of sentences could match anything. */
const MIN_SHINGLES = 20;

/** Copies often spell out what the original abbreviates ("U.S." / "United States"). */
const SPELLED_OUT: ReadonlyArray<[RegExp, string]> = [
  [/\bu\.s\.?(?![a-z])/g, "united states"],
  [/\bu\.k\.?(?![a-z])/g, "united kingdom"],
  [/\bu\.n\.?(?![a-z])/g, "united nations"],
  [/\be\.u\.?(?![a-z])/g, "european union"],
];

function normalizedWords(text: string): string[] {
  let lower = text.toLowerCase();
  for (const [pattern, words] of SPELLED_OUT) lower = lower.replace(pattern, words);
  return comparableWords(lower);
}

/** Runs are taken within each paragraph, so a copy that splits or joins paragraphs still matches. */
export function shinglesOf(paragraphs: ReadonlyArray<string>): Set<string> {
  const shingles = new Set<string>();
  for (const paragraph of paragraphs) {
    const words = normalizedWords(paragraph);
    for (let start = 0; start + SHINGLE_WORDS <= words.length; start += 1) {
      shingles.add(words.slice(start, start + SHINGLE_WORDS).join(" "));
    }
  }
  return shingles;
}

/** Share of `part`'s shingles found in `whole` (0 when `part` has none). */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let found = 0;
  for (const shingle of part) if (whole.has(shingle)) found += 1;
  return found / part.size;
}

export interface SimilarArticle {
  article: string;
  containment: number;
}

/** The existing article holding the largest share of the new text, or undefined for too short a text. */
export function mostSimilarArticle(
  paragraphs: ReadonlyArray<string>,
  candidates: ReadonlyArray<Article>,
): SimilarArticle | undefined {
  const own = shinglesOf(paragraphs);
  if (own.size < MIN_SHINGLES) return undefined;
  let best: SimilarArticle | undefined;
  for (const candidate of candidates) {
    const score = containment(own, shinglesOf(candidate.paragraphs.map((paragraph) => paragraph.text)));
    if (!best || score > best.containment) best = { article: candidate.id, containment: score };
  }
  return best;
}
