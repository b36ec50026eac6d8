import { normalizeWord } from "./normalize-word.ts";
import { MAX_WORD_LENGTH, stemWord } from "./stem.ts";
import { isStopWord } from "./stop-words.ts";
import { findWordSpans, type WordSpan } from "./word-spans.ts";

/** A word of a raw text, with where it is and what it means to the index. */
export interface AnalyzedWord {
  start: number;
  end: number;
  /** As normalized (folded, lowercase): what word vectors are looked up by. */
  word: string;
  stem: string;
  /** Stop words are kept in the sequence (synonym phrases such as "sphere of influence" need them). */
  stop: boolean;
  /** Written with a capital ("Macron", "OSCE") other than at a sentence's start: likely a name. */
  capitalized: boolean;
}

/** What a written word means to the index, whatever its place in a text; null: not searchable. */
type WordMeaning = { word: string; stem: string; stop: boolean } | null;

/** normalize → stop words → stem, keeping each word's character range in the original text. */
export type WordAnalysis = (text: string) => ReadonlyArray<AnalyzedWord>;

/**
 * Whether `text` has a capital letter at `at`: an ASCII one by its code, any other by Unicode's
 * category (a regular expression for every word was a twentieth of start-up).
 */
export function upperCaseAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(text.slice(at, at + 2));
}

/** Questions bring new words forever: past this many, the memory of written words starts again. */
const MEANINGS_LIMIT = 50_000;

/**
 * Words as written recur thousands of times across the knowledge (and a larger corpus): each is
 * normalized and stemmed once per analysis, which its analyzer owns (no module-level memory).
 */
/**
 * What ends a sentence before a word: its capital is the sentence's, not a name's ("…what he means
 * in context. Asymmetric what, exactly?").
 */
const SENTENCE_BEFORE = /[.?!:\n]["”’)]?\s*$/;

/** `spelling`: a normalized word as the knowledge spells it (see americanSpelling). */
export function createWordAnalysis(spelling: (word: string) => string = (word) => word): WordAnalysis {
  const meanings = new Map<string, WordMeaning>();
  const meaningOf = (raw: string): WordMeaning => {
    const known = meanings.get(raw);
    if (known !== undefined) return known;
    const normalized = spelling(normalizeWord(raw));
    const meaning =
      normalized.length === 0 || normalized.length > MAX_WORD_LENGTH
        ? null
        : { word: normalized, stem: stemWord(normalized), stop: isStopWord(normalized) };
    if (meanings.size >= MEANINGS_LIMIT) meanings.clear();
    meanings.set(raw, meaning);
    return meaning;
  };
  return (text) => {
    const words: AnalyzedWord[] = [];
    const spans = findWordSpans(text);
    for (let position = 0; position < spans.length; position++) {
      const { raw, start, end } = spans[position] as WordSpan;
      const meaning = meaningOf(raw);
      if (meaning === null) continue;
      const { word, stem, stop } = meaning;
      const capitalized =
        position > 0 &&
        upperCaseAt(raw, 0) &&
        !SENTENCE_BEFORE.test(text.slice(Math.max(0, start - 3), start));
      words.push({ start, end, word, stem, stop, capitalized });
    }
    return words;
  };
}
