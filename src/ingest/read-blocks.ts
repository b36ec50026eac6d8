import { type Block, headingBlock, textBlock } from "./block.ts";

/**
 * Raw text → blocks. Markdown is only an artefact of how the page was saved, so its markers are
 * dropped here while what they meant (a heading and its level) is kept.
 */

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;

/** `**bold**`, `__bold__`, `[text](url)` and `<https://…>` keep their text and lose their markers. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/\[([^\]]+)\]\((?:[^)\s]+)\)/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Non-breaking and zero-width spaces come from the web page, never from the author. */
function normalizeSpaces(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u200B\uFEFF]/g, "");
}

export function readBlocks(raw: string): Block[] {
  const blocks: Block[] = [];
  for (const rawLine of normalizeSpaces(raw).normalize("NFC").split("\n")) {
    const heading = MARKDOWN_HEADING.exec(rawLine.trim());
    const text = stripInlineMarkdown(heading ? (heading[2] ?? "") : rawLine);
    if (text === "") continue;
    blocks.push(heading ? headingBlock(text, heading[1]?.length ?? 1) : textBlock(text));
  }
  return blocks;
}
