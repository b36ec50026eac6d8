import type { Block, IngestNote, StepResult } from "../block.ts";
import { SOCIAL_HANDLE, startsWithBio } from "../metadata/bio-sentence.ts";
import { wordCount } from "../text-shape.ts";

/**
 * An author's biography is removed only where biographies are printed: in the header (before the
 * first full paragraph), as the last block, or with a social-media handle. A sentence in the story
 * such as "Olga Oliker is the program director…" is about a source and stays.
 */
const FULL_PARAGRAPH_WORDS = 30;

export function removeAuthorBio(blocks: ReadonlyArray<Block>): StepResult {
  const firstFullParagraph = blocks.findIndex(
    (block) => block.kind === "text" && wordCount(block.text) > FULL_PARAGRAPH_WORDS,
  );
  const lastText = blocks.findLastIndex((block) => block.kind === "text");
  const kept: Block[] = [];
  const notes: IngestNote[] = [];
  blocks.forEach((block, index) => {
    const placedLikeBio =
      SOCIAL_HANDLE.test(block.text) ||
      index === lastText ||
      firstFullParagraph === -1 ||
      index < firstFullParagraph;
    if (block.kind === "text" && wordCount(block.text) <= 40 && placedLikeBio && startsWithBio(block.text)) {
      notes.push({ rule: "author-bio", action: "removed", text: block.text });
    } else {
      kept.push(block);
    }
  });
  return { blocks: kept, notes };
}
