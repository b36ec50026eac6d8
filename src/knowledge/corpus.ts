import type {
  Article,
  Demand,
  Paragraph,
  Person,
  QaEntry,
  Quote,
  SynonymGroup,
  TimelineEvent,
} from "./schema.ts";

/** Everything curated in knowledge/, loaded, validated and verified. Never mutated after loading. */
export interface Corpus {
  readonly articles: ReadonlyArray<Article>;
  readonly demands: ReadonlyArray<Demand>;
  readonly timeline: ReadonlyArray<TimelineEvent>;
  readonly quotes: ReadonlyArray<Quote>;
  readonly people: ReadonlyArray<Person>;
  readonly qa: ReadonlyArray<QaEntry>;
  readonly synonyms: ReadonlyArray<SynonymGroup>;
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
