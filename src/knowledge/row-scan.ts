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
 * An instance of the module with its memory laid out for rows of `dimensions`: the query, the dot
 * products, then the matrix, each row padded with zeros to a multiple of four lanes (which changes no
 * sum). The memory grows as larger matrices are laid out.
 */
function scanMemory(dimensions: number) {
  compiled ??= new wasm.Module(Buffer.from(ROW_SCAN_WASM, "base64"));
  const { memory, dots } = new wasm.Instance(compiled).exports as RowScanExports;
  const stride = Math.ceil(dimensions / 4) * 16;
  const padded = stride !== dimensions * 4;
  let capacity = -1;
  let floats = new Float32Array(0);
  // Views made once per layout, not per scan: a search scans dozens of matrices.
  let products = new Float32Array(0);
  let matrixAt = 0;
  const reserve = (rows: number) => {
    if (rows <= capacity) return;
    capacity = Math.max(rows, capacity * 2);
    matrixAt = stride + Math.ceil(capacity / 4) * 16;
    const pages = Math.ceil((matrixAt + capacity * stride) / WASM_PAGE);
    memory.grow(Math.max(0, pages - memory.buffer.byteLength / WASM_PAGE));
    floats = new Float32Array(memory.buffer);
    products = new Float32Array(memory.buffer, stride, capacity);
  };
  return {
    dimensions,
    /** Lays out the first `rows` rows of `matrix`. */
    load(matrix: Float32Array, rows: number) {
      reserve(rows);
      const whole = matrix.length === rows * dimensions;
      if (!padded) floats.set(whole ? matrix : matrix.subarray(0, rows * dimensions), matrixAt / 4);
      else
        for (let row = 0; row < rows; row++)
          floats.set(
            matrix.subarray(row * dimensions, (row + 1) * dimensions),
            (matrixAt + row * stride) / 4,
          );
    },
    /** The query's dot products, in single precision, with the first `rows` rows laid out (the first `rows` of what is returned). */
    dotsWith(query: Float32Array, rows: number): Float32Array {
      floats.set(query);
      dots(0, matrixAt, rows, stride, stride);
      return products;
    },
  };
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
  const memory = scanMemory(dimensions);
  memory.load(matrix, rowCount);
  const found: RowsNear = {
    rows: new Int32Array(rowCount),
    cosines: new Float64Array(rowCount),
    count: 0,
  };
  return (query: Float32Array, floor: number): RowsNear => {
    const dotProducts = memory.dotsWith(query, rowCount);
    let near = 0;
    for (let row = 0; row < rowCount; row++)
      if ((dotProducts[row] as number) >= floor - ROUNDING_MARGIN) found.rows[near++] = row;
    rowCosines(query, matrix, found.cosines, { rows: found.rows, count: near });
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

/** The memory `highestCosine` lays each matrix out in, and its rows within a rounding of the highest. */
let scratch: ReturnType<typeof scanMemory> | undefined;
let highest = { rows: new Int32Array(8), cosines: new Float64Array(8) };

/**
 * The highest cosine of unit vector `query` with the unit vectors laid end to end in `matrix`, 0 at
 * least: bit for bit the highest `rowCosines` finds, from a scan in single precision (see rowScan)
 * and the rows within two roundings of its highest measured again. A question is compared so with
 * each candidate's ways of asking, three dozen each.
 */
export function highestCosine(query: Float32Array, matrix: Float32Array): number {
  const dimensions = query.length;
  const rows = dimensions === 0 ? 0 : Math.floor(matrix.length / dimensions);
  if (scratch?.dimensions !== dimensions) scratch = scanMemory(dimensions);
  scratch.load(matrix, rows);
  const dotProducts = scratch.dotsWith(query, rows);
  let top = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < rows; row++) top = Math.max(top, dotProducts[row] as number);
  if (highest.rows.length < rows) highest = { rows: new Int32Array(rows), cosines: new Float64Array(rows) };
  let count = 0;
  for (let row = 0; row < rows; row++)
    if ((dotProducts[row] as number) >= top - 2 * ROUNDING_MARGIN) highest.rows[count++] = row;
  rowCosines(query, matrix, highest.cosines, { rows: highest.rows, count });
  let best = 0;
  for (let k = 0; k < count; k++)
    if ((highest.cosines[k] as number) > best) best = highest.cosines[k] as number;
  return best;
}
