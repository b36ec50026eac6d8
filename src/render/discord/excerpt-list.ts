import type { Excerpt } from "../../answer/types.ts";
import { formatCitation, formatQuotedExcerpt } from "./excerpt.ts";

/** Below this, a quote is too short to be worth showing; the remaining excerpts are counted instead. */
const SHORTEST_USEFUL_QUOTE = 120;

/**
 * Excerpts one after another, each a block quote followed by its citation, within `max` characters.
 * Each quote may use what is left of the budget, so the best-ranked excerpt is shown most fully; any
 * that no longer fit are counted in a closing "+N more" line.
 */
export function formatExcerptList(excerpts: readonly Excerpt[], max: number): string {
  const blocks: string[] = [];
  let used = 0;
  for (const [index, excerpt] of excerpts.entries()) {
    const separator = blocks.length === 0 ? 0 : 2;
    const citation = formatCitation(excerpt.citation);
    const omittedNote = moreNote(excerpts.length - index - 1);
    const room = max - used - separator - citation.length - 1 - (omittedNote.length + 2);
    if (room < Math.min(SHORTEST_USEFUL_QUOTE, excerpt.text.length + 2)) {
      blocks.push(moreNote(excerpts.length - index));
      break;
    }
    const block = `${formatQuotedExcerpt(excerpt, room)}\n${citation}`;
    blocks.push(block);
    used += separator + block.length;
  }
  return blocks.join("\n\n");
}

function moreNote(count: number): string {
  if (count <= 0) return "";
  return count === 1 ? "(+1 more passage)" : `(+${count} more passages)`;
}
