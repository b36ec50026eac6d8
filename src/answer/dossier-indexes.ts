import type { Corpus } from "../knowledge/corpus.ts";
import type { Demand, Person, QaEntry, Quote, TimelineEvent } from "../knowledge/schema.ts";
import type { SearchIndex } from "../search/search-index.ts";
import type { FindArticleMention } from "./ask/article.ts";
import type { PassageLibrary } from "./excerpts/passages.ts";

/** Everything the answer functions share: built once by createDossier, passed explicitly. */
export interface AnswerContext {
  corpus: Corpus;
  index: SearchIndex;
  library: PassageLibrary;
  qa: ReadonlyMap<string, QaEntry>;
  /** Moderators' entries per guild, kept here as well as in the index to build their results. */
  guildQa: Map<string, Map<string, QaEntry>>;
  quotes: ReadonlyMap<string, Quote>;
  events: ReadonlyMap<string, TimelineEvent>;
  demands: ReadonlyMap<string, Demand>;
  people: ReadonlyMap<string, Person>;
  /** The index terms of a highlighted word or phrase (remembered, see word-terms.ts). */
  wordTerms: (word: string) => string[];
  findArticleMention: FindArticleMention;
}

export function byId<T extends { id: string }>(entries: ReadonlyArray<T>): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}
