import type { Corpus } from "../knowledge/corpus.ts";
import { primaryArticles } from "../knowledge/corpus.ts";
import type { Citation, Demand, Person, QaEntry, Quote, TimelineEvent } from "../knowledge/schema.ts";
import { formatPartialDate } from "../text/partial-date.ts";

export type SearchKind = "passage" | "qa" | "quote" | "event" | "demand";

/** What every indexed document stores, so a hit can be traced back to the knowledge it came from. */
export interface StoredFields {
  kind: SearchKind;
  /** The entry id, or "article#n" for a passage. */
  ref: string;
  /** Set on a guild's own Q&A entry: only that guild sees it. */
  guildId?: string;
  /** Articles the document quotes, for the article filter. */
  articles: string[];
}

export type SearchDocument = StoredFields & { id: string } & Record<string, unknown>;

/** Each kind has its own fields, so each gets its own boosts and its own BM25 statistics. */
export const FIELD_BOOSTS = {
  passageText: 1,
  passageSection: 1.5,
  passageArticle: 0.5,
  passageQuestions: 1,
  qaQuestion: 3,
  qaAlternatives: 2,
  qaAnswer: 1,
  quoteText: 1,
  quoteSpeaker: 2,
  quoteTopics: 1,
  quoteContext: 1,
  eventTitle: 2,
  eventText: 1,
  eventDate: 1,
  demandTitle: 3,
  demandKeywords: 2,
  demandStatement: 1,
} as const;

export const SEARCH_FIELDS = Object.keys(FIELD_BOOSTS);
export const STORED_FIELDS = ["kind", "ref", "guildId", "articles"];

export function passageRef(article: string, paragraph: number): string {
  return `${article}#${paragraph}`;
}

const excerptsOf = (citations: ReadonlyArray<Citation>) => citations.map((c) => c.excerpt).join("\n");
const articlesOf = (citations: ReadonlyArray<Citation>) => [...new Set(citations.map((c) => c.article))];

export function qaDocumentId(entryId: string, guildId?: string): string {
  return guildId === undefined ? `qa:${entryId}` : `qa:${guildId}:${entryId}`;
}

export function qaDocument(entry: QaEntry, guildId?: string): SearchDocument {
  return {
    id: qaDocumentId(entry.id, guildId),
    kind: "qa",
    ref: entry.id,
    ...(guildId === undefined ? {} : { guildId }),
    articles: articlesOf(entry.citations),
    qaQuestion: entry.question,
    qaAlternatives: entry.alternatives.join("\n"),
    qaAnswer: entry.answer,
  };
}

function quoteDocument(quote: Quote, speaker: Person | undefined): SearchDocument {
  return {
    id: `quote:${quote.id}`,
    kind: "quote",
    ref: quote.id,
    articles: [quote.citation.article],
    quoteText: quote.citation.excerpt,
    quoteSpeaker: speaker ? [speaker.name, ...speaker.aliases].join("\n") : quote.speaker,
    quoteTopics: quote.topics.join("\n"),
    quoteContext: `${quote.role}\n${quote.context}`,
  };
}

function eventDocument(event: TimelineEvent): SearchDocument {
  return {
    id: `event:${event.id}`,
    kind: "event",
    ref: event.id,
    articles: articlesOf(event.citations),
    eventTitle: event.title,
    eventText: excerptsOf(event.citations),
    eventDate: formatPartialDate(event.date, "long"),
  };
}

function demandDocument(demand: Demand): SearchDocument {
  return {
    id: `demand:${demand.id}`,
    kind: "demand",
    ref: demand.id,
    articles: articlesOf(demand.statement),
    demandTitle: demand.title,
    demandKeywords: demand.keywords.join("\n"),
    demandStatement: excerptsOf(demand.statement),
  };
}

/** Passages of primary articles only: a republication is never indexed. */
export function passageDocuments(corpus: Corpus): SearchDocument[] {
  const banked = new Map(corpus.questionBank.map((b) => [passageRef(b.article, b.paragraph), b.questions]));
  return primaryArticles(corpus).flatMap((article) =>
    article.paragraphs.map((paragraph) => ({
      id: `passage:${passageRef(article.id, paragraph.n)}`,
      kind: "passage" as const,
      ref: passageRef(article.id, paragraph.n),
      articles: [article.id],
      passageText: paragraph.text,
      passageSection: paragraph.section,
      passageArticle: [article.title, article.subtitle, article.outlet].filter(Boolean).join("\n"),
      passageQuestions: banked.get(passageRef(article.id, paragraph.n))?.join("\n"),
    })),
  );
}

export function corpusDocuments(corpus: Corpus): SearchDocument[] {
  const people = new Map(corpus.people.map((person) => [person.id, person]));
  return [
    ...passageDocuments(corpus),
    ...corpus.qa.map((entry) => qaDocument(entry)),
    ...corpus.quotes.map((quote) => quoteDocument(quote, people.get(quote.speaker))),
    ...corpus.timeline.map(eventDocument),
    ...corpus.demands.map(demandDocument),
  ];
}

/** The text of every indexed document, as word vectors weigh and choose words (see semantic.ts). */
export function knowledgeTexts(corpus: Corpus): string[] {
  return corpusDocuments(corpus).map((document) =>
    SEARCH_FIELDS.map((field) => document[field])
      .filter((value) => typeof value === "string")
      .join("\n"),
  );
}
