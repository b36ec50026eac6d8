import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import wabtModule from "wabt";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { highestCosine, ROW_SCAN_WASM, rowScan } from "../../src/knowledge/row-scan.ts";
import { rowCosines } from "../../src/knowledge/word-vectors.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);

/** What a full scan in double precision finds: the rows at or above `floor`, and their cosines. */
function exactlyNear(query: Float32Array, matrix: Float32Array, floor: number) {
  const cosines = [...rowCosines(query, matrix)];
  return cosines.flatMap((cosine, row) => (cosine >= floor ? [{ row, cosine }] : []));
}

function found(near: ReturnType<ReturnType<typeof rowScan>>) {
  return Array.from({ length: near.count }, (_, k) => ({ row: near.rows[k], cosine: near.cosines[k] }));
}

/** Unit vectors from a seeded generator (the same every run), rows of `dimensions`. */
function randomUnitRows(rows: number, dimensions: number, seed: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const matrix = new Float32Array(rows * dimensions);
  for (let row = 0; row < rows; row++) {
    const values = Array.from({ length: dimensions }, next);
    const norm = Math.hypot(...values) || 1;
    values.forEach((value, d) => {
      matrix[row * dimensions + d] = value / norm;
    });
  }
  return matrix;
}

describe("the row scan", () => {
  it("is row-scan.wat compiled", async () => {
    const wabt = await wabtModule();
    const source = new URL("../../src/knowledge/row-scan.wat", import.meta.url);
    const compiled = wabt.parseWat("row-scan.wat", readFileSync(source, "utf8"), { simd: true });
    // Edited row-scan.wat? This is the text to paste into row-scan.ts.
    expect(ROW_SCAN_WASM).toBe(Buffer.from(compiled.toBinary({}).buffer).toString("base64"));
  });

  it("finds, for the knowledge's words, what a full scan in double precision finds, bit for bit", () => {
    const vectors = corpus.wordVectors;
    if (!vectors) throw new Error("the shipped knowledge has word vectors");
    const words = new Set(
      corpus.articles.flatMap((article) =>
        article.paragraphs.flatMap((p) => p.text.toLowerCase().match(/[a-z]+/g) ?? []),
      ),
    );
    const { found: vocabulary, matrix } = vectors.unitVectors(words);
    expect(vocabulary.length).toBeGreaterThan(1_000);
    const scan = rowScan(matrix, vectors.dimensions);
    const asked = ["pullout", "yanks", "bluffing", "showdown", "reading", "thursday", "russia", "missile"];
    let nearFloor = 0;
    for (const word of asked) {
      const query = vectors.unitVector(word);
      if (!query) throw new Error(`the vectors know "${word}"`);
      const cosines = [...rowCosines(query, matrix)].sort((a, b) => b - a);
      // The floors the answer path uses, and the query's own cosines: a row exactly at the floor.
      for (const floor of [0.55, 0.62, 0.7, cosines[0] ?? 1, cosines[3] ?? 1, cosines[40] ?? 1]) {
        const expected = exactlyNear(query, matrix, floor);
        nearFloor += expected.length;
        expect(found(scan(query, floor))).toEqual(expected);
      }
    }
    expect(nearFloor).toBeGreaterThan(asked.length * 40);
  });

  it("pads rows of any width, and scans any number of rows", () => {
    for (const [rows, dimensions] of [
      [0, 4],
      [1, 1],
      [7, 3],
      [13, 4],
      [33, 5],
      [50, 8],
      [9, 100],
    ] as const) {
      const matrix = randomUnitRows(rows, dimensions, rows * 31 + dimensions);
      const scan = rowScan(matrix, dimensions);
      for (let q = 0; q < 5; q++) {
        const query = randomUnitRows(1, dimensions, 1000 + q);
        for (const floor of [-1, -0.2, 0, 0.3, 0.8]) {
          expect(found(scan(query, floor))).toEqual(exactlyNear(query, matrix, floor));
        }
      }
    }
  });

  it("gives the highest cosine of a query with each matrix, bit for bit, 0 at least", () => {
    // Matrices of growing and shrinking size, of two widths, as a search reads its candidates'.
    for (const [rows, dimensions] of [
      [37, 100],
      [1, 100],
      [120, 100],
      [5, 3],
      [40, 100],
      [0, 100],
    ] as const) {
      const matrix = randomUnitRows(rows, dimensions, rows + 7 * dimensions);
      for (let q = 0; q < 10; q++) {
        const query = randomUnitRows(1, dimensions, 500 + q);
        const exact = Math.max(0, ...rowCosines(query, matrix));
        expect(highestCosine(query, matrix)).toBe(exact);
      }
      // Rows nearly as close as each other, where single precision may put them in another order.
      if (dimensions === 100 && rows > 1) {
        const query = randomUnitRows(1, dimensions, 99);
        for (const scale of [1e-4, 3e-4, 1e-3, 3e-3]) {
          const noise = randomUnitRows(rows, dimensions, Math.round(scale * 1e5));
          const close = new Float32Array(rows * dimensions);
          for (let row = 0; row < rows; row++) {
            const values = Array.from(
              { length: dimensions },
              (_, d) => (query[d] as number) + scale * (noise[row * dimensions + d] as number),
            );
            const norm = Math.hypot(...values);
            values.forEach((value, d) => {
              close[row * dimensions + d] = value / norm;
            });
          }
          expect(highestCosine(query, close)).toBe(Math.max(...rowCosines(query, close)));
        }
      }
      // A row that is the query itself, and two rows equally close.
      if (rows > 1) {
        const query = matrix.slice(0, dimensions);
        matrix.set(query, (rows - 1) * dimensions);
        expect(highestCosine(query, matrix)).toBe(Math.max(...rowCosines(query, matrix)));
      }
    }
  });
});
