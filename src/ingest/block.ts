/**
 * The raw text is read as a list of blocks, one per non-empty line: sources either put one
 * paragraph per line or one sentence per line, so a line is the only unit every source shares.
 * Each cleaning rule takes blocks and gives back blocks plus notes for the reviewer.
 */
export interface TextBlock {
  kind: "text";
  text: string;
}

export interface HeadingBlock {
  kind: "heading";
  text: string;
  /** 1 for `#`, 2 for `##`…; plain-text headings found by their shape are level 2. */
  level: number;
}

export type Block = TextBlock | HeadingBlock;

export interface IngestNote {
  rule: string;
  action: "removed" | "merged" | "rewritten";
  text: string;
}

export interface StepResult {
  blocks: Block[];
  notes: IngestNote[];
}

export function textBlock(text: string): TextBlock {
  return { kind: "text", text };
}

export function headingBlock(text: string, level: number): HeadingBlock {
  return { kind: "heading", text, level };
}

/** Keeps the blocks a predicate does not reject, noting each one removed under the rule's name. */
export function removeBlocks(blocks: ReadonlyArray<Block>, rule: string, isJunk: (block: Block) => boolean) {
  const kept: Block[] = [];
  const notes: IngestNote[] = [];
  for (const block of blocks) {
    if (isJunk(block)) notes.push({ rule, action: "removed", text: block.text });
    else kept.push(block);
  }
  return { blocks: kept, notes } satisfies StepResult;
}
