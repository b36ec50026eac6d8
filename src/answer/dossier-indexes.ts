import { citationProblem } from "../knowledge/check-references.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import {
  type Demand,
  type Person,
  type QaEntry,
  type Quote,
  qaEntrySchema,
  type TimelineEvent,
} from "../knowledge/schema.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { UserError } from "../user-error.ts";
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
  findArticleMention: FindArticleMention;
}

export function byId<T extends { id: string }>(entries: ReadonlyArray<T>): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/**
 * A moderator's entry, visible at once to `ask` in that guild only. Checked like the curated files
 * (schema, then every excerpt verbatim in a primary article), so nothing unverified is ever shown.
 */
export function upsertGuildQa(indexes: DossierIndexes, guildId: string, entry: QaEntry): void {
  const parsed = qaEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new UserError(
      "invalid-qa",
      `That Q&A entry is not valid${where ? ` (${where})` : ""}: ${issue?.message ?? "check its fields"}.`,
    );
  }
  for (const citation of parsed.data.citations) {
    const problem = citationProblem(indexes.corpus, citation);
    if (problem) throw new UserError("invalid-citation", `Q&A entry "${entry.id}" ${problem}.`);
  }
  const entries = indexes.guildQa.get(guildId) ?? new Map<string, QaEntry>();
  entries.set(parsed.data.id, parsed.data);
  indexes.guildQa.set(guildId, entries);
  indexes.index.upsertGuildQa(guildId, parsed.data);
}

export function removeGuildQa(indexes: DossierIndexes, guildId: string, entryId: string): void {
  indexes.guildQa.get(guildId)?.delete(entryId);
  indexes.index.removeGuildQa(guildId, entryId);
}
