import type { Corpus } from "../../knowledge/corpus.ts";
import { primaryArticles } from "../../knowledge/corpus.ts";
import type { Article, Paragraph, Quote } from "../../knowledge/schema.ts";
import type { AnalyzedWord } from "../../search/analyzed-word.ts";
import type { Analyzer } from "../../search/analyzer.ts";
import { passageRef } from "../../search/search-documents.ts";
import { type SentenceRange, splitSentences } from "./sentences.ts";

/** A paragraph of a primary article, analysed once at start so answers only look things up. */
export interface Passage {
  ref: string;
  article: Article;
  paragraph: Paragraph;
  sentences: SentenceRange[];
  words: ReadonlyArray<AnalyzedWord>;
  /** Multi-word synonyms in the paragraph, as character ranges with their joined term. */
  phrases: Array<{ key: string; start: number; end: number }>;
  /**
   * The embedding of sentence i (see semantic.ts), when word vectors are loaded. Computed when an
   * excerpt is first cut from the passage: most passages never are, and start-up stays short.
   */
  sentenceVector(i: number): Float32Array | undefined;
  /** Where each curated excerpt citing this paragraph sits in it, found once (see locate-verbatim.ts). */
  located: Map<string, { start: number; end: number } | undefined>;
  /** The curated quotations from this paragraph, with their speakers' names and other names. */
  quotations: ReadonlyArray<{ quote: Quote; names: ReadonlyArray<string> }>;
}

export type PassageLibrary = ReadonlyMap<string, Passage>;

/** Every paragraph that may be shown: those of republications are not in the library at all. */
export function buildPassageLibrary(corpus: Corpus, analyzer: Analyzer): PassageLibrary {
  const library = new Map<string, Passage>();
  const people = new Map(corpus.people.map((person) => [person.id, [person.name, ...person.aliases]]));
  const quotations = new Map<string, Array<{ quote: Quote; names: ReadonlyArray<string> }>>();
  for (const quote of corpus.quotes) {
    const ref = passageRef(quote.citation.article, quote.citation.paragraph);
    const names = people.get(quote.speaker) ?? [quote.speaker];
    quotations.set(ref, [...(quotations.get(ref) ?? []), { quote, names }]);
  }
  for (const article of primaryArticles(corpus)) {
    for (const paragraph of article.paragraphs) {
      const words = analyzer.words(paragraph.text);
      const phrases = analyzer.synonyms
        .find(words.map((word) => word.stem))
        .filter((match) => match.lastWord > match.firstWord)
        .map((match) => ({
          key: match.key,
          start: words[match.firstWord]?.start ?? 0,
          end: words[match.lastWord]?.end ?? 0,
        }));
      const ref = passageRef(article.id, paragraph.n);
      const sentences = splitSentences(paragraph.text);
      const vectors = new Map<number, Float32Array | undefined>();
      const sentenceVector = (i: number) => {
        if (!vectors.has(i)) {
          const sentence = sentences[i];
          // The sentence's words are the paragraph's between its ends: not found again.
          const within =
            sentence && words.filter((word) => word.start >= sentence.start && word.end <= sentence.end);
          vectors.set(
            i,
            sentence && analyzer.semantic?.embed(paragraph.text.slice(sentence.start, sentence.end), within),
          );
        }
        return vectors.get(i);
      };
      library.set(ref, {
        ref,
        article,
        paragraph,
        sentences,
        sentenceVector,
        words,
        phrases,
        located: new Map(),
        quotations: quotations.get(ref) ?? [],
      });
    }
  }
  return library;
}
