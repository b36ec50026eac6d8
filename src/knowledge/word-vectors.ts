import { readFileSync } from "node:fs";

/**
 * Word vectors from a compact file derived from GloVe (`npm run vectors:derive`, see README):
 * 100 dimensions, int8 with one float32 scale per word. Measured against the float vectors they
 * come from, cosines differ by under 0.005, at a twentieth of the size.
 *
 * File layout (little-endian): "DWV1", uint32 word count, uint32 dimensions, uint32 byte length of
 * the words (UTF-8, one per line), the words, then per word a float32 scale and `dimensions` int8s.
 */
const MAGIC = "DWV1";

export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  has(word: string): boolean;
  /** How common a word is: 0 for the most frequent, undefined when the file does not have it. */
  rank(word: string): number | undefined;
  /** The unit-length vector of a lowercase word, or undefined when the file does not have it. */
  unitVector(word: string): Float32Array | undefined;
}

export class WordVectorsError extends Error {}

export function encodeWordVectors(
  words: ReadonlyArray<string>,
  vectors: ReadonlyArray<ArrayLike<number>>,
): Buffer {
  const dimensions = vectors[0]?.length ?? 0;
  const text = Buffer.from(words.join("\n"), "utf8");
  const header = Buffer.alloc(16);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(words.length, 4);
  header.writeUInt32LE(dimensions, 8);
  header.writeUInt32LE(text.length, 12);
  const body = Buffer.alloc(words.length * (4 + dimensions));
  vectors.forEach((vector, i) => {
    let max = 0;
    for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(vector[d] ?? 0));
    const scale = max === 0 ? 1 : max / 127;
    const at = i * (4 + dimensions);
    body.writeFloatLE(scale, at);
    for (let d = 0; d < dimensions; d++) body.writeInt8(Math.round((vector[d] ?? 0) / scale), at + 4 + d);
  });
  return Buffer.concat([header, text, body]);
}

export function decodeWordVectors(bytes: Buffer, source = "word vectors"): WordVectors {
  if (bytes.length < 16 || bytes.toString("latin1", 0, 4) !== MAGIC) {
    throw new WordVectorsError(
      `${source} is not a word-vector file: run npm run vectors:derive to rebuild it.`,
    );
  }
  const size = bytes.readUInt32LE(4);
  const dimensions = bytes.readUInt32LE(8);
  const textLength = bytes.readUInt32LE(12);
  const bodyStart = 16 + textLength;
  if (bytes.length !== bodyStart + size * (4 + dimensions)) {
    throw new WordVectorsError(`${source} is truncated: run npm run vectors:derive to rebuild it.`);
  }
  const index = new Map<string, number>();
  bytes
    .toString("utf8", 16, bodyStart)
    .split("\n")
    .forEach((word, i) => {
      index.set(word, i);
    });
  const body = new Int8Array(bytes.buffer, bytes.byteOffset + bodyStart, size * (4 + dimensions));
  return {
    dimensions,
    size,
    has: (word) => index.has(word),
    // Written most frequent first (see derive-word-vectors.ts), so the position is the rank.
    rank: (word) => index.get(word),
    unitVector(word) {
      const i = index.get(word);
      if (i === undefined) return undefined;
      // The scale cancels out once the vector is made unit length.
      const at = i * (4 + dimensions) + 4;
      const vector = new Float32Array(dimensions);
      let norm = 0;
      for (let d = 0; d < dimensions; d++) {
        const value = body[at + d] ?? 0;
        vector[d] = value;
        norm += value * value;
      }
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++) vector[d] = (vector[d] ?? 0) / norm;
      return vector;
    },
  };
}

export function readWordVectors(file: string): WordVectors {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new WordVectorsError(`Cannot read ${file}: run npm run vectors:derive to rebuild it.`);
  }
  return decodeWordVectors(bytes, file);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] ?? 0) * (b[d] ?? 0);
  return sum;
}
