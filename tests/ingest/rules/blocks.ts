import type { Block } from "../../../src/ingest/block.ts";
import { headingBlock, textBlock } from "../../../src/ingest/block.ts";

/** Text blocks from lines; a line starting "## " is a heading. */
export function blocksOf(...lines: string[]): Block[] {
  return lines.map((line) => (line.startsWith("## ") ? headingBlock(line.slice(3), 2) : textBlock(line)));
}

export function textsOf(blocks: ReadonlyArray<Block>): string[] {
  return blocks.map((block) => (block.kind === "heading" ? `## ${block.text}` : block.text));
}
