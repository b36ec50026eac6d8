import { rowCosines } from "./word-vectors.ts";

/**
 * row-scan.wat compiled (292 bytes): one exported function, `dots(query, matrix, rows, stride, out)`,
 * the single-precision dot product of a query with each row, four lanes at a time.
 */
export const ROW_SCAN_WASM =
  "AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcRAgZtZW1vcnkCAARkb3RzAAAK8gEB7wECAn8CewJAA0AgBSACTw0B/QwAAAAAAAAAAAAAAAAAAAAAIQf9DAAAAAAAAAAAAAAAAAAAAAAhCEEAIQYCQANAIAZBEGogA08NASAHIAAgBmr9AAQAIAEgBmr9AAQA/eYB/eQBIQcgCCAAIAZq/QAEECABIAZq/QAEEP3mAf3kASEIIAZBIGohBgwACwsgBiADSQRAIAcgACAGav0ABAAgASAGav0ABAD95gH95AEhBwsgByAI/eQBIQcgBCAFQQJ0aiAH/R8AIAf9HwGSIAf9HwIgB/0fA5KSOAIAIAEgA2ohASAFQQFqIQUMAAsLCw==";

/** The part of the WebAssembly API used here (Node's types leave WebAssembly to the DOM's). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/** What row-scan.wat exports. */
interface RowScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  dots(query: number, matrix: number, rows: number, stride: number, out: number): void;
}

/** Compiled once for every scan; each has an instance of its own, with the matrix in its memory. */
let compiled: object | undefined;

/**
 * How far a single-precision cosine of two unit vectors can be from the double-precision one: each
 * of its products and sums rounds by at most 2^-24 of their magnitude, under 1e-5 in all for 100
 * dimensions. Rows this close below a floor are measured exactly too.
 */
const ROUNDING_MARGIN = 1e-4;

const WASM_PAGE = 65_536;

export interface RowsNear {
  /** The rows at or above the floor, in order, and their cosines (the k-th is row `rows[k]`'s). */
  rows: Int32Array;
  cosines: Float64Array;
  count: number;
}

/**
 * For a matrix of unit vectors (rows of `dimensions`, laid end to end): the rows whose cosine with a
 * query reaches a floor. A question's unfamiliar word is compared with each of the knowledge's 3,000
 * words; a scan in single precision, four lanes at a time (WebAssembly's SIMD), is 7–8 times as fast
 * as `rowCosines`, and only the rows it finds near the floor are then measured by `rowCosines`: the
 * cosines returned, and which rows reach the floor, are bit for bit what a full `rowCosines` finds.
 * What is returned is reused by the next call.
 */
export function rowScan(matrix: Float32Array, dimensions: number) {
  const rowCount = dimensions === 0 ? 0 : Math.floor(matrix.length / dimensions);
  // Each row padded with zeros to a multiple of four lanes, which changes no sum.
  const stride = Math.ceil(dimensions / 4) * 16;
  const queryAt = 0;
  const outAt = stride;
  const matrixAt = outAt + Math.ceil(rowCount / 4) * 16;
  compiled ??= new wasm.Module(Buffer.from(ROW_SCAN_WASM, "base64"));
  const { memory, dots } = new wasm.Instance(compiled).exports as RowScanExports;
  const bytes = matrixAt + rowCount * stride;
  memory.grow(Math.max(0, Math.ceil(bytes / WASM_PAGE) - memory.buffer.byteLength / WASM_PAGE));
  const floats = new Float32Array(memory.buffer);
  for (let row = 0; row < rowCount; row++)
    floats.set(matrix.subarray(row * dimensions, (row + 1) * dimensions), (matrixAt + row * stride) / 4);
  const query = floats.subarray(queryAt / 4, queryAt / 4 + dimensions);
  const dotProducts = floats.subarray(outAt / 4, outAt / 4 + rowCount);
  const found: RowsNear = {
    rows: new Int32Array(rowCount),
    cosines: new Float64Array(rowCount),
    count: 0,
  };
  return (unitQuery: Float32Array, floor: number): RowsNear => {
    query.set(unitQuery);
    dots(queryAt, matrixAt, rowCount, stride, outAt);
    let near = 0;
    for (let row = 0; row < rowCount; row++)
      if ((dotProducts[row] as number) >= floor - ROUNDING_MARGIN) found.rows[near++] = row;
    rowCosines(unitQuery, matrix, found.cosines, { rows: found.rows, count: near });
    found.count = 0;
    for (let k = 0; k < near; k++) {
      const cosine = found.cosines[k] as number;
      if (cosine < floor) continue;
      found.rows[found.count] = found.rows[k] as number;
      found.cosines[found.count++] = cosine;
    }
    return found;
  };
}
