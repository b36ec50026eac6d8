import type { InvertedIndex } from "./inverted-index.ts";

/** BM25+ as MiniSearch computes it, with its default parameters. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** How telling a term is in a field: MiniSearch's inverse document frequency. */
export function inverseDocumentFrequency(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

/**
 * Each document's length normalisation in each field, k·(1 − b + b·length/average), by document
 * number. It changes only when a document comes or goes, so it is worked out once then rather than
 * for every posting of every question.
 */
export function lengthNorms(index: InvertedIndex): (field: number) => Float64Array {
  const norms: Array<{ average: number; capacity: number; values: Float64Array } | undefined> = [];
  return (field) => {
    const average = index.averageLength(field);
    const capacity = index.capacity();
    const known = norms[field];
    if (known?.average === average && known.capacity === capacity) return known.values;
    const values = new Float64Array(capacity);
    index.lengths(field).forEach((length, doc) => {
      values[doc] = BM25.k * (1 - BM25.b + (BM25.b * length) / average);
    });
    norms[field] = { average, capacity, values };
    return values;
  };
}
