import { rankNameMatch } from "../answer/listings/name-match.ts";
import type { GuildQaEntry, QaStore } from "../store/index.ts";

/** Which entries an `id` option offers: edit and remove take active ones, restore removed ones. */
export type EntryScope = "active" | "removed" | "all";

export interface EntryChoice {
  name: string;
  value: string;
}

const PAGE = 100;
/** Autocomplete must answer within 3 s; past this many entries the rest are not offered. */
const MAX_SCANNED = 5_000;
const CHOICE_TEXT = 100;

/** The guild's entries in the scope, read page by page (the store hands out at most 100 at a time). */
export async function entriesInScope(
  store: QaStore,
  guildId: string,
  scope: EntryScope,
): Promise<GuildQaEntry[]> {
  const entries: GuildQaEntry[] = [];
  for (let offset = 0; offset < MAX_SCANNED; offset += PAGE) {
    const page = await store.list(guildId, { includeRemoved: scope !== "active", offset, limit: PAGE });
    entries.push(...page.entries);
    if (offset + PAGE >= page.total) break;
  }
  return scope === "removed" ? entries.filter((entry) => entry.status === "removed") : entries;
}

function choiceOf(entry: GuildQaEntry): EntryChoice {
  const label = `${entry.id} — ${entry.question.replace(/\s+/g, " ")}`;
  return {
    name: label.length <= CHOICE_TEXT ? label : `${label.slice(0, CHOICE_TEXT - 1).trimEnd()}…`,
    value: entry.id,
  };
}

/**
 * Entry ids for autocomplete, best first: exact id › id prefix › a word of the id or question › a
 * typo away (edit distance). With nothing typed, the most recently changed come first.
 */
export function suggestEntries(entries: readonly GuildQaEntry[], typed: string, limit = 25): EntryChoice[] {
  const text = typed.trim().slice(0, CHOICE_TEXT);
  const byRecency = (a: GuildQaEntry, b: GuildQaEntry) => b.updatedAt.localeCompare(a.updatedAt);
  if (text === "") return [...entries].sort(byRecency).slice(0, limit).map(choiceOf);
  const ranked = entries.flatMap((entry) => {
    // The id is matched alone first, so an exact id beats a question that merely starts the same way.
    const idRank = rankNameMatch(text, [entry.id]);
    const questionRank = rankNameMatch(text, [entry.question, ...entry.alternatives]);
    const rank = Math.min(
      idRank ?? Number.POSITIVE_INFINITY,
      (questionRank ?? Number.POSITIVE_INFINITY) + 0.5,
    );
    return Number.isFinite(rank) ? [{ entry, rank }] : [];
  });
  ranked.sort((a, b) => a.rank - b.rank || byRecency(a.entry, b.entry));
  return ranked.slice(0, limit).map(({ entry }) => choiceOf(entry));
}
