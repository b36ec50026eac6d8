import { normalizeWord } from "./normalize-word.ts";
import { MAX_WORD_LENGTH, stemWord } from "./stem.ts";
import { isStopWord } from "./stop-words.ts";
import { findWordSpans } from "./word-spans.ts";

/** A word of a raw text, with where it is and what it means to the index. */
export interface AnalyzedWord {
  start: number;
  end: number;
  /** As normalized (folded, lowercase): what word vectors are looked up by. */
  word: string;
  stem: string;
  /** Stop words are kept in the sequence (synonym phrases such as "sphere of influence" need them). */
  stop: boolean;
  /** Written with a capital ("Macron", "OSCE") other than at the start of the text: likely a name. */
  capitalized: boolean;
}

/** What a written word means to the index, whatever its place in a text; undefined: not searchable. */
type WordMeaning = { word: string; stem: string; stop: boolean } | undefined;

/** normalize → stop words → stem, keeping each word's character range in the original text. */
export interface WordAnalysis {
  (text: string): ReadonlyArray<AnalyzedWord>;
  /**
   * Runs `build` with the words of every text it analyses remembered, then forgets them: building
   * the dossier reads most of the knowledge's texts two or three times (the word vectors' counts, the
   * index, the passages), and finding their words again was a sixth of start-up.
   */
  rememberingWhile<T>(build: () => T): T;
}

/** Questions bring new words forever: past this many, the memory of written words starts again. */
const MEANINGS_LIMIT = 50_000;

/**
 * Words as written recur thousands of times across the knowledge (and a larger corpus): each is
 * normalized and stemmed once per analysis, which its analyzer owns (no module-level memory).
 */
export function createWordAnalysis(): WordAnalysis {
  const meanings = new Map<string, WordMeaning>();
  const meaningOf = (raw: string): WordMeaning => {
    if (meanings.has(raw)) return meanings.get(raw);
    const normalized = normalizeWord(raw);
    const meaning =
      normalized.length === 0 || normalized.length > MAX_WORD_LENGTH
        ? undefined
        : { word: normalized, stem: stemWord(normalized), stop: isStopWord(normalized) };
    if (meanings.size >= MEANINGS_LIMIT) meanings.clear();
    meanings.set(raw, meaning);
    return meaning;
  };
  let remembered: Map<string, ReadonlyArray<AnalyzedWord>> | undefined;
  const analyse = (text: string): ReadonlyArray<AnalyzedWord> => {
    const known = remembered?.get(text);
    if (known) return known;
    const words: AnalyzedWord[] = [];
    findWordSpans(text).forEach((span, position) => {
      const meaning = meaningOf(span.raw);
      if (meaning === undefined) return;
      words.push({
        start: span.start,
        end: span.end,
        word: meaning.word,
        stem: meaning.stem,
        stop: meaning.stop,
        capitalized: position > 0 && /^\p{Lu}/u.test(span.raw),
      });
    });
    remembered?.set(text, words);
    return words;
  };
  return Object.assign(analyse, {
    rememberingWhile<T>(build: () => T): T {
      remembered = new Map();
      try {
        return build();
      } finally {
        remembered = undefined;
      }
    },
  });
}
