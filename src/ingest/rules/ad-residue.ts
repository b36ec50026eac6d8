import type { Block, IngestNote, StepResult } from "../block.ts";

/**
 * Ad-server script left in the text when a page is copied, even in the middle of a line, e.g.
 * `googletag.cmd.push { googletag.display; });` or `googletag.cmd.push(function() { … });`.
 */
const AD_SCRIPT = /\s*\bgoogletag\.[\w.]+\s*\(?\s*(?:function\s*\(\)\s*)?\{[^}]*\}\s*\)?\s*\)?\s*;?\s*/g;

/** Lines that only announce an advertisement. */
const AD_LABEL = /^(?:advertisement|story continues below advertisement|ad)$/i;

export function removeAdResidue(blocks: ReadonlyArray<Block>): StepResult {
  const notes: IngestNote[] = [];
  const kept: Block[] = [];
  for (const block of blocks) {
    if (AD_LABEL.test(block.text)) {
      notes.push({ rule: "ad-residue", action: "removed", text: block.text });
      continue;
    }
    const text = block.text.replace(AD_SCRIPT, " ").trim();
    if (text !== block.text) notes.push({ rule: "ad-residue", action: "rewritten", text: block.text });
    if (text !== "") kept.push({ ...block, text });
  }
  return { blocks: kept, notes };
}
