import { normalizeWord } from "./normalize-word.ts";
import { MAX_WORD_LENGTH, stemWord } from "./stem.ts";
import { isStopWord } from "./stop-words.ts";
import { findWordSpans } from "./word-spans.ts";

/** A word of a raw text, with where it is and what it means to the index. */
export interface AnalyzedWord {
  start: number;
  end: number;
  stem: string;
  /** Stop words are kept in the sequence (synonym phrases such as "sphere of influence" need them). */
  stop: boolean;
  /** Written with a capital ("Macron", "OSCE") other than at the start of the text: likely a name. */
  capitalized: boolean;
}

/** normalize → stop words → stem, keeping each word's character range in the original text. */
export function analyzeWords(text: string): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  findWordSpans(text).forEach((span, position) => {
    const normalized = normalizeWord(span.raw);
    if (normalized.length === 0 || normalized.length > MAX_WORD_LENGTH) return;
    words.push({
      start: span.start,
      end: span.end,
      stem: stemWord(normalized),
      stop: isStopWord(normalized),
      capitalized: position > 0 && /^\p{Lu}/u.test(span.raw),
    });
  });
  return words;
}
