import type { Block, IngestNote, StepResult } from "../block.ts";
import {
  endsSentence,
  endsWithCapitalizedWord,
  endsWithOpenPhrase,
  isHeadingShaped,
  startsLowercase,
} from "../text-shape.ts";
import { closesEarlierQuotation, leavesQuotationOpen } from "./quotations.ts";

/**
 * Sentences cut in two by a page break: "…high in the United" / "States because…", "In" /
 * "November, …", "he is in fact" / "cautious and…", and a quotation opened in one block and
 * closed in the next. A block that stops without closing punctuation continues into the next when
 * the next starts in lowercase, or when the block is not shaped like a heading and stops on a word
 * that cannot end a sentence (a function word, a possessive) or on a capitalised word that begins
 * a name. A heading ("Changes in Ukraine") followed by a capitalised paragraph is never merged.
 */
export function continuesInto(block: string, next: string): "sentence" | "quotation" | undefined {
  if (leavesQuotationOpen(block) && closesEarlierQuotation(next)) return "quotation";
  if (endsSentence(block)) return undefined;
  if (startsLowercase(next)) return "sentence";
  if (isHeadingShaped(block)) return undefined;
  return endsWithOpenPhrase(block) || endsWithCapitalizedWord(block) ? "sentence" : undefined;
}

export function repairSplitSentences(blocks: ReadonlyArray<Block>): StepResult {
  const result: Block[] = [];
  const notes: IngestNote[] = [];
  for (const block of blocks) {
    const previous = result.at(-1);
    const kind =
      previous?.kind === "text" && block.kind === "text"
        ? continuesInto(previous.text, block.text)
        : undefined;
    if (previous && kind) {
      notes.push({ rule: `split-${kind}`, action: "merged", text: `${previous.text} ⏎ ${block.text}` });
      result[result.length - 1] = { ...previous, text: `${previous.text} ${block.text}` };
    } else {
      result.push(block);
    }
  }
  return { blocks: result, notes };
}
