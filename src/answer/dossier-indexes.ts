import type { Corpus } from "../knowledge/corpus.ts";
import type { Demand, Person, QaEntry, Quote, TimelineEvent } from "../knowledge/schema.ts";
import type { SearchIndex } from "../search/search-index.ts";
import type { FindArticleMention } from "./ask/article.ts";
import type { PassageLibrary } from "./excerpts/passages.ts";

/**
 * The dossier's own lookups, which every answer function reads: the corpus, its search index and
 * passage library, and the entries by id. Built once by createDossier and passed explicitly; the
 * application's context is another thing (src/bot/context.ts).
 */
export interface DossierIndexes {
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
