import type { Block, IngestNote, StepResult } from "../block.ts";

/**
 * A common word left in capitals in the middle of a sentence ("the Soviet ARMY peacefully",
 * "to end THE fighting"). It is lowered only when the article also writes it in lowercase and
 * nowhere else in capitals; acronyms (NATO, INF, CNA) are never written in lowercase, and two-letter
 * words are left alone so that "US" is never confused with "us".
 */
const MID_SENTENCE_CAPS = /(?<=[\p{Ll},;] )\p{Lu}{3,}(?=[\s,.;:!?])/gu;

export function lowerShoutedWords(blocks: ReadonlyArray<Block>): StepResult {
  const prose = blocks.filter((block) => block.kind === "text").map((block) => block.text);
  const all = prose.join("\n");
  const lowercaseWords = new Set(all.match(/\b\p{Ll}+\b/gu) ?? []);
  const capsCount = new Map<string, number>();
  for (const word of all.match(/\b\p{Lu}{3,}\b/gu) ?? []) capsCount.set(word, (capsCount.get(word) ?? 0) + 1);
  const isShout = (word: string) => capsCount.get(word) === 1 && lowercaseWords.has(word.toLowerCase());

  const notes: IngestNote[] = [];
  const result = blocks.map((block) => {
    if (block.kind !== "text") return block;
    const text = block.text.replace(MID_SENTENCE_CAPS, (word) => (isShout(word) ? word.toLowerCase() : word));
    if (text === block.text) return block;
    notes.push({ rule: "shouted-word", action: "rewritten", text: block.text });
    return { ...block, text };
  });
  return { blocks: result, notes };
}
