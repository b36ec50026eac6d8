import type { AnalyzedWord } from "./analyzed-word.ts";
import type { SynonymTable } from "./synonym-table.ts";

/** How much a synonym counts next to the word the member actually typed. */
export const EXPANSION_WEIGHT = 0.5;
/** More distinct words than this add nothing but time: the rest of a pasted essay is ignored. */
export const MAX_QUERY_WORDS = 32;

export interface QueryTerm {
  term: string;
  weight: number;
  /** Indexes of the question's words (`QueryPlan.words`) this term stands for. */
  words: number[];
  /** True for terms the question contains; false for synonyms added to them. */
  original: boolean;
  /** Complete the term as a prefix (the last word while it is being typed). */
  prefix: boolean;
}

export interface QueryWord {
  stem: string;
  /** Written with a capital somewhere past the first word: probably a name. */
  capitalized: boolean;
  /**
   * Names someone or something (or is a number): an answer must match it, since a passage about
   * Ryabkov does not answer a question about Lavrov however well it matches the rest.
   */
  named?: boolean;
  /** Said only where the member speaks of themselves beside the question (see asidesOf). */
  aside?: boolean;
}

export interface QueryPlan {
  /** The distinct content words of the question, in order. */
  words: QueryWord[];
  terms: QueryTerm[];
  /** Every distinct word of the question as analysed, stop words included (see Wordings). */
  wording: string[];
  /** The question's embedding (see semantic.ts), when word vectors are loaded. */
  vector?: Float32Array | undefined;
  /** Adds a term that stands for the question word at `wordIndex`, at a lower weight. */
  addExpansion(term: string, weight: number, wordIndex: number): void;
}

function addTerm(terms: Map<string, QueryTerm>, next: QueryTerm): void {
  const existing = terms.get(next.term);
  if (!existing) {
    terms.set(next.term, next);
    return;
  }
  existing.weight = Math.max(existing.weight, next.weight);
  existing.original ||= next.original;
  existing.prefix ||= next.prefix;
  for (const word of next.words) if (!existing.words.includes(word)) existing.words.push(word);
}

/**
 * A value for each item, in a typed array filled in a loop: TypedArray.from reads even an array
 * through its iterator, one object per item (of the 200 KB an answer allocates, 13 were these).
 */
export function typedOf<T, A extends Float64Array | Int32Array | Uint8Array>(
  make: new (length: number) => A,
  items: ReadonlyArray<T>,
  value: (item: T, i: number) => number,
): A {
  const values = new make(items.length);
  for (let i = 0; i < items.length; i++) values[i] = value(items[i] as T, i);
  return values;
}

/**
 * The stems of analyzed words, pushed one by one: arrays built this way have the same shape whether
 * or not V8 has optimized the code that builds them, so their readers are not deoptimized.
 */
export function stemsOf(words: ReadonlyArray<AnalyzedWord>): string[] {
  const stems: string[] = [];
  for (const word of words) stems.push(word.stem);
  return stems;
}

/** Turns analyzed question words into weighted search terms, each knowing which words it covers. */
export function buildQueryPlan(
  analyzed: ReadonlyArray<AnalyzedWord>,
  synonyms: SynonymTable,
  options: { prefixLastWord: boolean },
): QueryPlan {
  const words: QueryWord[] = [];
  /** For each analyzed word, the index of its distinct content word (or -1 for a stop word). */
  const wordIndex: number[] = [];
  for (const word of analyzed) {
    const known = words.findIndex((distinct) => distinct.stem === word.stem);
    if (word.stop || (known < 0 && words.length >= MAX_QUERY_WORDS)) {
      wordIndex.push(-1);
      continue;
    }
    if (known >= 0) {
      const distinct = words[known] as QueryWord;
      distinct.capitalized ||= word.capitalized;
      wordIndex.push(known);
    } else {
      words.push({ stem: word.stem, capitalized: word.capitalized });
      wordIndex.push(words.length - 1);
    }
  }

  const terms = new Map<string, QueryTerm>();
  const lastAnalyzed = analyzed.length - 1;
  analyzed.forEach((word, position) => {
    const index = wordIndex[position] ?? -1;
    if (index < 0) return;
    const prefix = options.prefixLastWord && position === lastAnalyzed;
    addTerm(terms, { term: word.stem, weight: 1, words: [index], original: true, prefix });
  });

  const stems = stemsOf(analyzed);
  for (const match of synonyms.find(stems)) {
    const covered = wordIndex.slice(match.firstWord, match.lastWord + 1).filter((index) => index >= 0);
    // A phrase of stop words only ("say no") is a word of the question in its own right.
    if (covered.length === 0 && match.lastWord > match.firstWord && words.length < MAX_QUERY_WORDS) {
      words.push({ stem: match.key, capitalized: false });
      covered.push(words.length - 1);
    }
    if (covered.length === 0) continue;
    if (match.lastWord > match.firstWord) {
      addTerm(terms, { term: match.key, weight: 1, words: covered, original: true, prefix: false });
    }
    for (const group of match.groups) {
      for (const key of synonyms.groups[group] ?? []) {
        if (key === match.key) continue;
        addTerm(terms, {
          term: key,
          weight: EXPANSION_WEIGHT,
          words: [...covered],
          original: false,
          prefix: false,
        });
      }
    }
  }
  const plan: QueryPlan = {
    words,
    terms: [...terms.values()],
    wording: [...new Set(stems)],
    addExpansion(term, weight, wordIndex) {
      const existing = plan.terms.find((known) => known.term === term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        if (!existing.words.includes(wordIndex)) existing.words.push(wordIndex);
      } else plan.terms.push({ term, weight, words: [wordIndex], original: false, prefix: false });
    },
  };
  return plan;
}
