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

/** Its name in the knowledge folder. */
export const VECTORS_FILE = "word-vectors.bin";

/**
 * The most frequent English words the file keeps beside the knowledge's own (written first, so a
 * word's position is its rank): enough for chat vocabulary, small enough to load fast.
 */
export const FREQUENT_WORDS = 50_000;

export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  has(word: string): boolean;
  /** How common a word is: 0 for the most frequent, undefined when the file does not have it. */
  rank(word: string): number | undefined;
  /** The unit-length vector of a lowercase word, or undefined when the file does not have it. */
  unitVector(word: string): Float32Array | undefined;
  /**
   * The words the file has among `words`, in their order, with their unit vectors as the rows of
   * one matrix. Decoded in one loop, which V8 soon optimizes: thousands of calls to `unitVector`
   * at start-up ran mostly unoptimized.
   */
  unitVectors(words: Iterable<string>): { found: string[]; matrix: Float32Array };
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
  // A plain view, not a Buffer: indexOf, called for every line, takes twice as long on a Buffer.
  const positionOf = wordPositions(new Uint8Array(bytes.buffer, bytes.byteOffset + 16, textLength));
  const body = new Int8Array(bytes.buffer, bytes.byteOffset + bodyStart, size * (4 + dimensions));
  const unitVectors = (words: Iterable<string>) => {
    const found: string[] = [];
    const positions: number[] = [];
    for (const word of words) {
      const position = positionOf(word);
      if (position === undefined) continue;
      found.push(word);
      positions.push(position);
    }
    const matrix = new Float32Array(found.length * dimensions);
    for (let row = 0; row < positions.length; row++) {
      // The scale cancels out once the vector is made unit length.
      const at = (positions[row] as number) * (4 + dimensions) + 4;
      const offset = row * dimensions;
      let norm = 0;
      for (let d = 0; d < dimensions; d++) {
        const value = body[at + d] ?? 0;
        matrix[offset + d] = value;
        norm += value * value;
      }
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++) matrix[offset + d] = (matrix[offset + d] ?? 0) / norm;
    }
    return { found, matrix };
  };
  return {
    dimensions,
    size,
    has: (word) => positionOf(word) !== undefined,
    // Written most frequent first (see derive-word-vectors.ts), so the position is the rank.
    rank: positionOf,
    unitVector(word) {
      const { found, matrix } = unitVectors([word]);
      return found.length > 0 ? matrix : undefined;
    },
    unitVectors,
  };
}

/**
 * The position of each line of `text` (UTF-8, one word a line; a word written twice is found at its
 * last line), looked up in an open-addressed table over the bytes themselves. Fifty thousand words
 * as strings in a Map held some 3 MB of heap for the whole life of the bot and took milliseconds to
 * build; the table is two typed arrays.
 */
function wordPositions(text: Uint8Array): (word: string) => number | undefined {
  const starts: number[] = [0];
  for (let at = text.indexOf(10); at >= 0; at = text.indexOf(10, at + 1)) starts.push(at + 1);
  const lineStarts = Uint32Array.from(starts);
  const lineCount = lineStarts.length;
  const lineEnd = (line: number) =>
    line + 1 < lineCount ? (lineStarts[line + 1] as number) - 1 : text.length;
  let capacity = 1;
  while (capacity < 2 * lineCount) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const hashOfBytes = (start: number, end: number) => {
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ (text[at] as number), 0x01000193);
    return hash >>> 0;
  };
  const sameBytes = (a: number, b: number) => {
    const length = lineEnd(a) - (lineStarts[a] as number);
    if (lineEnd(b) - (lineStarts[b] as number) !== length) return false;
    for (let k = 0; k < length; k++)
      if (text[(lineStarts[a] as number) + k] !== text[(lineStarts[b] as number) + k]) return false;
    return true;
  };
  for (let line = 0; line < lineCount; line++) {
    let slot = hashOfBytes(lineStarts[line] as number, lineEnd(line)) & mask;
    while (slots[slot] !== -1 && !sameBytes(slots[slot] as number, line)) slot = (slot + 1) & mask;
    slots[slot] = line;
  }
  /** The line holding the first `length` of `bytes`. */
  const find = (bytes: Uint8Array, length: number) => {
    let hash = 0x811c9dc5;
    for (let k = 0; k < length; k++) hash = Math.imul(hash ^ (bytes[k] as number), 0x01000193);
    for (let slot = (hash >>> 0) & mask; slots[slot] !== -1; slot = (slot + 1) & mask) {
      const line = slots[slot] as number;
      const start = lineStarts[line] as number;
      if (lineEnd(line) - start !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = text[start + k] === bytes[k];
      if (same) return line;
    }
    return undefined;
  };
  // Words are looked up by the thousand (every one-letter variant of a word, see semantic.ts): an
  // ASCII word's character codes are its bytes, read into one reused array.
  const ascii = new Uint8Array(64);
  return (word) => {
    let length = 0;
    if (word.length <= ascii.length) {
      while (length < word.length && word.charCodeAt(length) < 128) {
        ascii[length] = word.charCodeAt(length);
        length += 1;
      }
      if (length === word.length) return find(ascii, length);
    }
    // A lone surrogate would not survive UTF-8: no line of the file can hold one.
    if (/\p{Cs}/u.test(word)) return undefined;
    const bytes = utf8.encode(word);
    return find(bytes, bytes.length);
  };
}

const utf8 = new TextEncoder();

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

/**
 * The cosine of unit vector `query` with each unit vector laid end to end in `matrix`, into `into`;
 * or, with `selected`, with the rows it lists (the k-th cosine is row `rows[k]`'s). Four rows are
 * read in one pass, each summed on its own in the same order as `cosine` (so every cosine is bit for
 * bit the same): four independent sums keep the processor busy where one would wait on each
 * addition, nearly twice as fast. A question's closeness to the not-covered questions is measured
 * this way, and so are the rows a single-precision scan finds near enough (row-scan.ts).
 */
export function rowCosines(
  query: Float32Array,
  matrix: Float32Array,
  into: Float64Array = new Float64Array(Math.floor(matrix.length / query.length)),
  selected?: { rows: Int32Array; count: number },
): Float64Array {
  const dimensions = query.length;
  const count = selected ? selected.count : Math.floor(matrix.length / dimensions);
  // The rows listed, or every row in order.
  const rows = selected?.rows;
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const at0 = (rows ? (rows[k] as number) : k) * dimensions;
    const at1 = (rows ? (rows[k + 1] as number) : k + 1) * dimensions;
    const at2 = (rows ? (rows[k + 2] as number) : k + 2) * dimensions;
    const at3 = (rows ? (rows[k + 3] as number) : k + 3) * dimensions;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let d = 0; d < dimensions; d++) {
      const q = query[d] as number;
      sum0 += q * (matrix[at0 + d] as number);
      sum1 += q * (matrix[at1 + d] as number);
      sum2 += q * (matrix[at2 + d] as number);
      sum3 += q * (matrix[at3 + d] as number);
    }
    into[k] = sum0;
    into[k + 1] = sum1;
    into[k + 2] = sum2;
    into[k + 3] = sum3;
  }
  for (; k < count; k++) {
    const at = (rows ? (rows[k] as number) : k) * dimensions;
    let sum = 0;
    for (let d = 0; d < dimensions; d++) sum += (query[d] as number) * (matrix[at + d] as number);
    into[k] = sum;
  }
  return into;
}
