/** Bit `bit` of the bit set starting at `offset` of `bits` (32 bits a word). */
export function setBit(bits: Uint32Array, offset: number, bit: number): void {
  bits[offset + (bit >>> 5)] = (bits[offset + (bit >>> 5)] as number) | (1 << (bit & 31));
}

export function hasBit(bits: Uint32Array, offset: number, bit: number): boolean {
  return ((bits[offset + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0;
}

/**
 * The distinct sets of question terms that documents matched. Thousands of documents share a few
 * sets, so whatever depends on the set (coverage) is worked out once per set, not per document.
 */
export class MatchedSets {
  /** Each set: the indexes of the terms in it, ascending. */
  readonly sets: number[][] = [];
  private readonly byKey = new Map<number | string, number>();

  constructor(
    private readonly termCount: number,
    /** 32-bit words per set. */
    private readonly words: number,
  ) {}

  /** The number of the set held in `bits` from `offset`, adding it when new. */
  indexOf(bits: Uint32Array, offset: number): number {
    const key = this.words === 1 ? (bits[offset] as number) : bits.slice(offset, offset + this.words).join();
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.sets.length;
      this.byKey.set(key, index);
      const terms: number[] = [];
      for (let term = 0; term < this.termCount; term++) if (hasBit(bits, offset, term)) terms.push(term);
      this.sets.push(terms);
    }
    return index;
  }
}
