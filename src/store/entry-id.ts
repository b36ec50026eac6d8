import { questionKey } from "./question-key.ts";

const MAX_SLUG_LENGTH = 60;
/** Used when the question has no Latin letters or digits to make a slug from. */
const FALLBACK_SLUG = "entry";

/** A kebab slug of the question: "Why now?" → "why-now"; accents are dropped, words are kept whole. */
export function slugOf(question: string): string {
  const words = questionKey(question)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug === "" ? (words[0]?.slice(0, MAX_SLUG_LENGTH) ?? FALLBACK_SLUG) : slug;
}

/** `base`, else `base-2`, `base-3`… : the first one `isTaken` refuses. */
export function uniqueId(base: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
