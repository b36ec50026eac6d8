import type { Block, IngestNote } from "../block.ts";
import { endsSentence, hasInternalSentenceEnd, startsLowercase, wordCount } from "../text-shape.ts";

/**
 * The top of the text: masthead, headline and the one-sentence deck under it. They become
 * metadata, not paragraphs.
 */
export interface Front {
  masthead?: string;
  title?: string;
  subtitle?: string;
}

export interface FrontResult {
  front: Front;
  blocks: Block[];
  notes: IngestNote[];
}

/** Headlines run longer than section headings but still carry no closing punctuation. */
const MAX_HEADLINE_WORDS = 25;
/** A deck is one short sentence; a lead paragraph is longer and usually opens with a dateline. */
const MAX_DECK_WORDS = 25;
const DATELINE = /^\p{Lu}[\p{Lu} .,'’-]+ [—–-] /u;

function isHeadlineLike(block: Block): boolean {
  return (
    block.kind === "heading" ||
    (!endsSentence(block.text) && !startsLowercase(block.text) && wordCount(block.text) <= MAX_HEADLINE_WORDS)
  );
}

function isDeckLike(block: Block): boolean {
  if (block.kind === "heading") return true;
  return (
    wordCount(block.text) <= MAX_DECK_WORDS &&
    !hasInternalSentenceEnd(block.text) &&
    !DATELINE.test(block.text) &&
    !startsLowercase(block.text)
  );
}

function note(rule: string, text: string): IngestNote {
  return { rule, action: "removed", text };
}

/** Markdown pages say which line is the headline (`# …`); headings above it are the masthead. */
function markdownFront(blocks: ReadonlyArray<Block>, titleIndex: number): FrontResult {
  const front: Front = {};
  const notes: IngestNote[] = [];
  const above = blocks.slice(0, titleIndex);
  const masthead = above.find((block) => block.kind === "heading");
  if (masthead) front.masthead = masthead.text;
  for (const block of above.filter((block) => block.kind === "heading"))
    notes.push(note("masthead", block.text));
  const title = blocks[titleIndex];
  if (title) {
    front.title = title.text;
    notes.push(note("title", title.text));
  }
  let bodyStart = titleIndex + 1;
  const next = blocks[bodyStart];
  if (next?.kind === "heading") {
    front.subtitle = next.text;
    notes.push(note("subtitle", next.text));
    bodyStart += 1;
  }
  const body = [...above.filter((block) => block.kind !== "heading"), ...blocks.slice(bodyStart)];
  return { front, blocks: body, notes };
}

/** Plain text: one headline-like line is the headline; with two, the first is the masthead. */
function plainFront(blocks: ReadonlyArray<Block>): FrontResult {
  const front: Front = {};
  const notes: IngestNote[] = [];
  const [first, second] = blocks;
  const leading =
    first && isHeadlineLike(first) ? (second && isHeadlineLike(second) ? [first, second] : [first]) : [];
  const masthead = leading.length === 2 ? leading[0] : undefined;
  const title = leading.at(-1);
  let start = leading.length;
  if (masthead) {
    front.masthead = masthead.text;
    notes.push(note("masthead", masthead.text));
  }
  if (title) {
    front.title = title.text;
    notes.push(note("title", title.text));
    const deck = blocks[start];
    if (deck && isDeckLike(deck) && blocks.length > start + 1) {
      front.subtitle = deck.text;
      notes.push(note("subtitle", deck.text));
      start += 1;
    }
  }
  return { front, blocks: blocks.slice(start), notes };
}

export function splitFront(blocks: ReadonlyArray<Block>): FrontResult {
  const firstFullParagraph = blocks.findIndex((block) => block.kind === "text" && wordCount(block.text) > 30);
  const titleIndex = blocks.findIndex((block) => block.kind === "heading" && block.level === 1);
  if (titleIndex !== -1 && (firstFullParagraph === -1 || titleIndex < firstFullParagraph)) {
    return markdownFront(blocks, titleIndex);
  }
  return plainFront(blocks);
}
