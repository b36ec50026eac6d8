import { foldQuotesAndSpace } from "../../text/fold.ts";
import { type Block, type IngestNote, removeBlocks, type StepResult } from "../block.ts";
import { comparableWords } from "../text-shape.ts";

/**
 * Repeated text that the page layout adds: a lead paragraph printed twice, a paragraph repeated
 * later, and pull-quotes, which repeat (often shortened) a sentence already in the story.
 */
export function removeRepeatedParagraphs(blocks: ReadonlyArray<Block>): StepResult {
  const seen = new Set<string>();
  return removeBlocks(blocks, "repeated-paragraph", (block) => {
    if (block.kind !== "text") return false;
    const key = foldQuotesAndSpace(block.text);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

/** Shortest stretch of `haystack` holding all of `needle`'s words in order, or Infinity. */
export function shortestOrderedSpan(needle: ReadonlyArray<string>, haystack: ReadonlyArray<string>): number {
  let best = Number.POSITIVE_INFINITY;
  haystack.forEach((word, start) => {
    if (word !== needle[0]) return;
    let matched = 0;
    let end = start;
    while (end < haystack.length && matched < needle.length) {
      if (haystack[end] === needle[matched]) matched += 1;
      end += 1;
    }
    if (matched === needle.length) best = Math.min(best, end - start);
  });
  return best;
}

/**
 * A pull-quote is a short block whose words all occur, in order and close together (within twice
 * its length), inside a longer paragraph: "If Putin is acting as if he has the upper hand, that’s
 * because he does." inside "If Russian President Vladimir Putin is acting as if he has the upper
 * hand in this standoff, that’s because he does." Six words at least, so a stock phrase never counts.
 */
const PULL_QUOTE_MIN_WORDS = 6;
const PULL_QUOTE_MAX_WORDS = 40;

export function removePullQuotes(blocks: ReadonlyArray<Block>): StepResult {
  const paragraphs = blocks
    .filter((block) => block.kind === "text")
    .map((block) => comparableWords(block.text));
  const notes: IngestNote[] = [];
  let textIndex = -1;
  const kept = blocks.filter((block) => {
    if (block.kind !== "text") return true;
    textIndex += 1;
    const own = paragraphs[textIndex] ?? [];
    if (own.length < PULL_QUOTE_MIN_WORDS || own.length > PULL_QUOTE_MAX_WORDS) return true;
    const isPullQuote = paragraphs.some(
      (other, index) =>
        index !== textIndex && other.length > own.length && shortestOrderedSpan(own, other) <= 2 * own.length,
    );
    if (isPullQuote) notes.push({ rule: "pull-quote", action: "removed", text: block.text });
    return !isPullQuote;
  });
  return { blocks: kept, notes };
}
