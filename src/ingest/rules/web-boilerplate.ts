import { type Block, type IngestNote, removeBlocks, type StepResult } from "../block.ts";
import { SOCIAL_HANDLE } from "../metadata/bio-sentence.ts";
import { isCreditLine, parseByline } from "../metadata/credits.ts";
import { endsSentence, wordCount } from "../text-shape.ts";

/**
 * Whole lines that belong to the web page or the print layout, never to the story. Each rule is
 * named so that the ingest report says why a line went.
 */
interface LineRule {
  name: string;
  matches: (text: string) => boolean;
}

/** Calls to subscribe, sign up or comment, as they start a line. */
const SUBSCRIPTION_PROMPT =
  /^\W*(?:subscribe\b|join the conversation|view comments|already a subscriber|not your account|sign up\b|paywall-free|unlock access|thank you for signing up|commenting on this and other|please follow our comment guidelines|log in to comment|create a free account)/i;

/** A credit for the picture or video the caption describes: "(Name/Agency/Shutterstock)", "(Video: The Post)". */
const CAPTION_CREDIT =
  /\((?:[^()]*\/[^()]*|(?:video|photo|photos|illustration|graphic|image)(?: by)?:? [^()]+|AP Photo[^()]*)\)$/i;

/** Teasers for other articles that the page inserts between paragraphs. */
const RELATED_LINK_START =
  /^(?:what you need to know|what to know about|perspective:|analysis:|opinion:|related:|watch:|listen:|live updates:|explainer:|see also:|read also:)/i;

/** "European Union's quandary: How tough to set possible sanctions against Russia?" */
function isKickerHeadline(text: string): boolean {
  return /^[^:“"”]{2,40}: \S/.test(text) && text.endsWith("?") && wordCount(text) <= 20;
}

export const LINE_RULES: ReadonlyArray<LineRule> = [
  { name: "horizontal-rule", matches: (text) => /^(?:[-*_=]\s*){3,}$/.test(text) },
  { name: "disclaimer", matches: (text) => /^\[?disclaimer\]?:?$/i.test(text) },
  {
    name: "source-line",
    matches: (text) => /^(?:source(?: url)?|original(?: url)?|url)\s*:\s*https?:\/\/\S+$/i.test(text),
  },
  {
    name: "copyright",
    matches: (text) => /^(?:copyright\b|©)|\ball rights reserved\b/i.test(text) && wordCount(text) <= 40,
  },
  { name: "subscription-prompt", matches: (text) => SUBSCRIPTION_PROMPT.test(text) },
  {
    name: "social-handle",
    matches: (text) => SOCIAL_HANDLE.test(text) && text.replace(SOCIAL_HANDLE, "").trim().length < 3,
  },
  { name: "photo-caption", matches: (text) => CAPTION_CREDIT.test(text) && wordCount(text) <= 60 },
  {
    name: "related-link",
    matches: (text) => (RELATED_LINK_START.test(text) && wordCount(text) <= 25) || isKickerHeadline(text),
  },
  { name: "credit-line", matches: (text) => wordCount(text) <= 50 && isCreditLine(text) },
  { name: "byline", matches: (text) => parseByline(text) !== undefined },
];

export function removeWebBoilerplate(blocks: ReadonlyArray<Block>): StepResult {
  let current: Block[] = [...blocks];
  const notes: IngestNote[] = [];
  for (const rule of LINE_RULES) {
    const step = removeBlocks(current, rule.name, (block) => rule.matches(block.text));
    current = step.blocks;
    notes.push(...step.notes);
  }
  return { blocks: current, notes };
}

/** "More from Foreign Policy", "Read more:": the start of a list of links to other articles. */
const LINK_LIST_START =
  /^(?:more (?:stories )?from\s+\S.*|read more:?|related (?:stories|articles|coverage):?|most read|recommended(?: for you)?|further reading:?)$/i;

function isLinkHeadline(block: Block): boolean {
  return !endsSentence(block.text) && wordCount(block.text) <= 20;
}

/**
 * Removes each link list: its heading, the headlines that follow (no closing punctuation) and the
 * one-sentence teaser under each headline. A full paragraph ends the list, so a list placed in the
 * middle of a story never takes the story's next paragraph with it.
 */
export function removeLinkLists(blocks: ReadonlyArray<Block>): StepResult {
  const kept: Block[] = [];
  const notes: IngestNote[] = [];
  let inList = false;
  let afterHeadline = false;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    const isHeadline = isLinkHeadline(block);
    // A teaser is only recognised inside the pattern headline, teaser, headline…: a short story
    // paragraph after the last link is followed by more story, not by another headline.
    const isTeaser =
      afterHeadline &&
      endsSentence(block.text) &&
      wordCount(block.text) <= 20 &&
      (next === undefined || isLinkHeadline(next));
    if (LINK_LIST_START.test(block.text)) {
      inList = true;
      afterHeadline = false;
    } else if (inList && (isHeadline || isTeaser)) {
      afterHeadline = isHeadline;
    } else {
      inList = false;
      kept.push(block);
      return;
    }
    notes.push({ rule: "link-list", action: "removed", text: block.text });
  });
  return { blocks: kept, notes };
}
