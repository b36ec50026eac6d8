import type {
  Article,
  BankedQuestions,
  Demand,
  Paragraph,
  Person,
  QaEntry,
  Quote,
  SynonymGroup,
  TimelineEvent,
} from "./schema.ts";
import type { WordVectors } from "./word-vectors.ts";

/** Everything curated in knowledge/, loaded, validated and verified. Never mutated after loading. */
export interface Corpus {
  readonly articles: ReadonlyArray<Article>;
  readonly demands: ReadonlyArray<Demand>;
  readonly timeline: ReadonlyArray<TimelineEvent>;
  readonly quotes: ReadonlyArray<Quote>;
  readonly people: ReadonlyArray<Person>;
  readonly qa: ReadonlyArray<QaEntry>;
  readonly synonyms: ReadonlyArray<SynonymGroup>;
  /** knowledge/question-bank/: members' ways of asking for each primary paragraph. */
  readonly questionBank: ReadonlyArray<BankedQuestions>;
  /** knowledge/not-covered.txt: questions members ask that no article answers. */
  readonly notCovered: ReadonlyArray<string>;
  /** knowledge/word-vectors.bin, when present (see src/search/semantic.ts). */
  readonly wordVectors?: WordVectors;
}

export function findArticle(corpus: Corpus, id: string): Article | undefined {
  return corpus.articles.find((article) => article.id === id);
}

export function findParagraph(corpus: Corpus, articleId: string, n: number): Paragraph | undefined {
  return findArticle(corpus, articleId)?.paragraphs[n - 1];
}

/** Articles whose passages may be indexed and shown: republications are left out. */
export function primaryArticles(corpus: Corpus): Article[] {
  return corpus.articles.filter((article) => article.duplicateOf === undefined);
}
