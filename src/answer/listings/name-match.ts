import { allowedTypos, editDistance } from "../../search/edit-distance.ts";
import { foldText } from "../../text/fold.ts";

/** How well a typed text matches a name: lower is better; undefined when it does not match. */
export type NameMatchRank = number;

/** Folded for comparing names: case, accents, quote style, punctuation and spacing ignored. */
export function foldName(text: string): string {
  return foldText(text)
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const EXACT_NAME = 0;
const PREFIX = 1;
const CONTAINS = 2;
/** Several typed words, each the start of some word of the name ("ukraine join" for a question). */
const ALL_WORDS = 3;
/** Fuzzy matches rank after every exact, prefix or word match, by edit distance. */
const FUZZY = 10;

/**
 * Ranks `typed` against the names of one thing (a person's name and aliases, a demand's title and
 * id): exact › prefix (of the name or of one of its words) › fuzzy by edit distance.
 */
export function rankNameMatch(
  typed: string,
  names: ReadonlyArray<string>,
  /** Whether a near miss matches too: a role's words are too many and too common for it. */
  fuzzy = true,
): NameMatchRank | undefined {
  const query = foldName(typed);
  if (query.length === 0) return undefined;
  const typedWords = query.split(" ");
  const max = fuzzy ? allowedTypos(query.length) : 0;
  let best: number | undefined;
  const consider = (rank: number) => {
    if (best === undefined || rank < best) best = rank;
  };
  for (const { name, words } of names.map(foldedName)) {
    if (name === query) return EXACT_NAME;
    if (name.startsWith(query)) consider(PREFIX);
    if (words.some((word) => word.startsWith(query))) consider(CONTAINS);
    if (typedWords.length > 1 && typedWords.every((typed) => words.some((word) => word.startsWith(typed))))
      consider(ALL_WORDS);
    if (max === 0) continue;
    for (const candidate of [name, ...words]) {
      const distance = editDistance(query, candidate, max);
      if (distance <= max) consider(FUZZY + distance);
      // A typo in what is being typed: compare with the name's start of the same length.
      if (candidate.length > query.length) {
        const fromStart = editDistance(query, candidate.slice(0, query.length), max);
        if (fromStart <= max) consider(FUZZY + fromStart + 0.5);
      }
    }
  }
  return best;
}

/**
 * Names folded, and split into words, once: each is the knowledge's or a server's entry's, and a
 * question about someone ranks every person's names (folding was half the cost of "nuland title?").
 * Cleared when full, so that entries edited away do not stay.
 */
const foldedNames = new Map<string, { name: string; words: string[] }>();
const FOLDED_NAMES_KEPT = 4096;

function foldedName(name: string): { name: string; words: string[] } {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    const text = foldName(name);
    folded = { name: text, words: text.split(" ") };
    foldedNames.set(name, folded);
  }
  return folded;
}

/** Unlimited-distance closeness, for "did you mean" lists when nothing matched. */
export function closeness(typed: string, names: ReadonlyArray<string>): number {
  const query = foldName(typed);
  return Math.min(
    ...names.flatMap((name) => {
      const folded = foldName(name);
      return [folded, ...folded.split(" ")].map((candidate) => editDistance(query, candidate));
    }),
  );
}

/**
 * The items matched best: the lowest rank, then the lowest `tieBreak`. Several when they tie
 * (except on an exact match, which a name is for one thing only).
 */
export function bestMatches<T>(
  items: ReadonlyArray<T>,
  rankOf: (item: T) => NameMatchRank | undefined,
  tieBreak: (item: T) => number = () => 0,
): T[] {
  const ranked = items.flatMap((item) => {
    const rank = rankOf(item);
    return rank === undefined ? [] : [{ item, rank, tie: tieBreak(item) }];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.tie - b.tie);
  const [first] = ranked;
  if (!first) return [];
  if (first.rank === EXACT_NAME) return [first.item];
  return ranked.filter(({ rank, tie }) => rank === first.rank && tie === first.tie).map(({ item }) => item);
}
