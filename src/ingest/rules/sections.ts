import { type Block, headingBlock, type IngestNote, type StepResult } from "../block.ts";
import { isHeadingShaped } from "../text-shape.ts";
import { acronymsIn, isShouted, titleCaseShouted } from "./title-case.ts";

/**
 * Section headings: markdown headings, and plain lines shaped like headings (short, no closing
 * punctuation) that the sentence repair left on their own. Headings in capitals are written in
 * title case, keeping the article's acronyms.
 */
export function markSections(blocks: ReadonlyArray<Block>): StepResult {
  const acronyms = acronymsIn(blocks.filter((block) => block.kind === "text").map((block) => block.text));
  const notes: IngestNote[] = [];
  const result = blocks.map((block): Block => {
    const heading =
      block.kind === "text" && isHeadingShaped(block.text) ? headingBlock(block.text, 2) : block;
    if (heading.kind !== "heading") return heading;
    const text = isShouted(heading.text) ? titleCaseShouted(heading.text, acronyms) : heading.text;
    if (block.kind === "text" || text !== block.text) {
      notes.push({ rule: "section-heading", action: "rewritten", text: block.text });
    }
    return { ...heading, text };
  });
  return { blocks: result, notes };
}
