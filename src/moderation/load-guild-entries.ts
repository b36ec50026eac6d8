import type { Dossier } from "../answer/dossier.ts";
import { type QaStore, toQaEntry } from "../store/index.ts";

export interface SkippedEntry {
  guildId: string;
  id: string;
  reason: string;
}

export interface LoadedEntries {
  loaded: number;
  /** Entries the answer layer refused (an article was re-cleaned and an excerpt moved): logged, not fatal. */
  skipped: SkippedEntry[];
}

/**
 * At start, makes every active moderator entry of every guild answerable again. One entry that no
 * longer verifies must not keep the bot from starting for every server: it is skipped and reported,
 * and stays in the store for a moderator to fix with /qa edit.
 */
export async function loadGuildEntries(
  store: Pick<QaStore, "allActive">,
  dossier: Pick<Dossier, "upsertGuildQa">,
): Promise<LoadedEntries> {
  const skipped: SkippedEntry[] = [];
  let loaded = 0;
  for (const entry of await store.allActive()) {
    try {
      dossier.upsertGuildQa(entry.guildId, toQaEntry(entry));
      loaded++;
    } catch (error) {
      skipped.push({
        guildId: entry.guildId,
        id: entry.id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { loaded, skipped };
}
