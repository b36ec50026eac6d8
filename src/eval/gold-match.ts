import { foldQuotesAndSpace } from "../text/fold.ts";

/** Gold phrases are compared folding case, whitespace and quote style, nothing else. */
export function foldForGold(text: string): string {
  return foldQuotesAndSpace(text).toLowerCase();
}

export function containsGold(excerpt: string, gold: ReadonlyArray<string>): boolean {
  const folded = foldForGold(excerpt);
  return gold.some((phrase) => folded.includes(foldForGold(phrase)));
}
