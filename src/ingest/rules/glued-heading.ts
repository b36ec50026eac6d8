import { type Block, headingBlock, type IngestNote, type StepResult, textBlock } from "../block.ts";
import { acronymsIn } from "./title-case.ts";

/**
 * A heading in capitals printed on the same line as the first sentence under it:
 * "PUTIN’S REDLINES There is significant asymmetry…". Two or more capitalised words followed by a
 * capitalised sentence start are split off, unless every one of them is an acronym the article
 * uses elsewhere ("NATO US …"), and a dateline ("MOSCOW — …") is never taken.
 */
const LEADING_CAPS_RUN = /^((?:\p{Lu}[\p{Lu}'’-]+ )+\p{Lu}[\p{Lu}'’-]+) (?=\p{Lu}\p{Ll})/u;

export function splitGluedHeadings(blocks: ReadonlyArray<Block>): StepResult {
  const prose = blocks
    .filter((block) => block.kind === "text")
    .map((block) => block.text.replace(LEADING_CAPS_RUN, ""));
  const acronyms = acronymsIn(prose);
  const result: Block[] = [];
  const notes: IngestNote[] = [];
  for (const block of blocks) {
    const run = block.kind === "text" ? LEADING_CAPS_RUN.exec(block.text)?.[1] : undefined;
    const capsWords = run?.match(/\p{Lu}{2,}/gu) ?? [];
    if (!run || capsWords.every((word) => acronyms.has(word))) {
      result.push(block);
      continue;
    }
    result.push(headingBlock(run, 2), textBlock(block.text.slice(run.length).trim()));
    notes.push({ rule: "glued-heading", action: "rewritten", text: block.text });
  }
  return { blocks: result, notes };
}
