import type { SynonymGroup } from "../knowledge/schema.ts";
import type { WordAnalysis } from "./analyzed-word.ts";

/** Multi-word synonyms are indexed as one joined term ("unit_state"), besides their words. */
export const PHRASE_JOINER = "_";

/** A synonym found in a text: which words it spans and which group it belongs to. */
export interface SynonymMatch {
  key: string;
  /** Indexes into the analyzed words of the text, first to last. */
  firstWord: number;
  lastWord: number;
  groups: ReadonlyArray<number>;
}

export interface SynonymTable {
  /** The index terms of each group: a stem, or the joined stems of a phrase. */
  readonly groups: ReadonlyArray<ReadonlyArray<string>>;
  /** Every synonym occurring in a sequence of stems, longest phrase first at each position. */
  find(stems: ReadonlyArray<string>): SynonymMatch[];
}

/**
 * Built from the corpus synonym groups with the same word analysis as documents and questions, so
 * "U.S.", "intermediate-range" and "sphere of influence" are found however they are written.
 */
export function createSynonymTable(
  groups: ReadonlyArray<SynonymGroup>,
  analyzeWords: WordAnalysis,
): SynonymTable {
  const groupsOfKey = new Map<string, number[]>();
  const phrasesByFirstStem = new Map<string, string[][]>();
  const keysOfGroup: string[][] = groups.map((group, groupIndex) => {
    const keys = new Set<string>();
    for (const term of group) {
      const stems = analyzeWords(term).map((word) => word.stem);
      if (stems.length === 0) continue;
      const key = stems.join(PHRASE_JOINER);
      keys.add(key);
      const owners = groupsOfKey.get(key) ?? [];
      if (!owners.includes(groupIndex)) owners.push(groupIndex);
      groupsOfKey.set(key, owners);
      const first = stems[0] as string;
      const phrases = phrasesByFirstStem.get(first) ?? [];
      if (!phrases.some((phrase) => phrase.join(PHRASE_JOINER) === key)) phrases.push(stems);
      phrasesByFirstStem.set(first, phrases);
    }
    return [...keys];
  });
  for (const phrases of phrasesByFirstStem.values()) phrases.sort((a, b) => b.length - a.length);

  return {
    groups: keysOfGroup,
    find(stems) {
      const matches: SynonymMatch[] = [];
      stems.forEach((stem, start) => {
        const phrases = phrasesByFirstStem.get(stem);
        if (phrases === undefined) return;
        for (const phrase of phrases) {
          if (start + phrase.length > stems.length) continue;
          if (phrase.every((part, offset) => stems[start + offset] === part)) {
            const key = phrase.join(PHRASE_JOINER);
            const lastWord = start + phrase.length - 1;
            matches.push({ key, firstWord: start, lastWord, groups: groupsOfKey.get(key) ?? [] });
          }
        }
      });
      return matches;
    },
  };
}
