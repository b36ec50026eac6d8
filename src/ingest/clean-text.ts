import type { Block, IngestNote, StepResult } from "./block.ts";
import { readBlocks } from "./read-blocks.ts";
import { removeAdResidue } from "./rules/ad-residue.ts";
import { removeAuthorBio } from "./rules/author-bio.ts";
import { type Front, splitFront } from "./rules/front.ts";
import { splitGluedHeadings } from "./rules/glued-heading.ts";
import { removePullQuotes, removeRepeatedParagraphs } from "./rules/repeated-paragraphs.ts";
import { markSections } from "./rules/sections.ts";
import { lowerShoutedWords } from "./rules/shouted-words.ts";
import { repairSplitSentences } from "./rules/split-sentences.ts";
import { removeLinkLists, removeWebBoilerplate } from "./rules/web-boilerplate.ts";

/**
 * The cleaning pipeline, in the order the rules depend on each other: page furniture goes first so
 * that a caption or a link cannot be glued to a paragraph; the front (masthead, headline, deck) is
 * read before sentences are repaired so that the headline is never joined to the lead; repeats are
 * found last, on whole repaired paragraphs.
 */
type Step = (blocks: ReadonlyArray<Block>) => StepResult;

const PAGE_FURNITURE: ReadonlyArray<Step> = [
  removeAdResidue,
  removeWebBoilerplate,
  removeLinkLists,
  removeAuthorBio,
];
const STORY_REPAIRS: ReadonlyArray<Step> = [
  splitGluedHeadings,
  lowerShoutedWords,
  repairSplitSentences,
  markSections,
  removeRepeatedParagraphs,
  removePullQuotes,
];

export interface CleanedText {
  front: Front;
  /** Paragraph texts with the section heading they fall under. */
  paragraphs: Array<{ text: string; section?: string }>;
  notes: IngestNote[];
}

function runSteps(blocks: ReadonlyArray<Block>, steps: ReadonlyArray<Step>, notes: IngestNote[]): Block[] {
  let current: Block[] = [...blocks];
  for (const step of steps) {
    const result = step(current);
    current = result.blocks;
    notes.push(...result.notes);
  }
  return current;
}

export function cleanText(raw: string): CleanedText {
  const notes: IngestNote[] = [];
  const page = runSteps(readBlocks(raw), PAGE_FURNITURE, notes);
  const { front, blocks: body, notes: frontNotes } = splitFront(page);
  notes.push(...frontNotes);
  const story = runSteps(body, STORY_REPAIRS, notes);

  const paragraphs: CleanedText["paragraphs"] = [];
  let section: string | undefined;
  for (const block of story) {
    if (block.kind === "heading") section = block.text;
    else paragraphs.push(section === undefined ? { text: block.text } : { text: block.text, section });
  }
  return { front, paragraphs, notes };
}
