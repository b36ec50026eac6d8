import type { Logger } from "pino";
import type { Dossier } from "../answer/dossier.ts";
import { type GuildQaEntry, toQaEntry } from "../store/index.ts";
import type { EntryFeed } from "../store/postgres/entry-feed.ts";
import type { PostgresQaStore } from "../store/postgres/postgres-qa-store.ts";

/**
 * With Postgres, replicas share moderators' entries, and each keeps its answer index in step with
 * the database: every entry committed anywhere (another replica, `dossier qa import`) is read back
 * and put into this replica's index, or taken out of it, a moment after the commit. After a lost
 * connection every active entry is read again, and entries that stopped being active are taken out.
 *
 * Resolves once the first full read is done, so the replica answers with every entry from the start.
 */
export async function followSharedEntries(
  store: Pick<PostgresQaStore, "followEntries" | "allActive" | "get">,
  dossier: Pick<Dossier, "upsertGuildQa" | "removeGuildQa">,
  logger: Logger,
): Promise<EntryFeed> {
  /** What this replica's index holds, by guild and id, to know what a resync must take out. */
  const shown = new Map<string, { guildId: string; id: string }>();
  const keyOf = (guildId: string, id: string) => `${guildId}\u0000${id}`;

  const show = (entry: GuildQaEntry): void => {
    try {
      dossier.upsertGuildQa(entry.guildId, toQaEntry(entry));
      shown.set(keyOf(entry.guildId, entry.id), { guildId: entry.guildId, id: entry.id });
    } catch (error) {
      logger.warn(
        {
          guildId: entry.guildId,
          entryId: entry.id,
          reason: error instanceof Error ? error.message : String(error),
        },
        "a moderator entry no longer verifies against the articles: not answered until a moderator fixes it with /qa edit",
      );
      hide(entry.guildId, entry.id);
    }
  };
  const hide = (guildId: string, id: string): void => {
    if (shown.delete(keyOf(guildId, id))) dossier.removeGuildQa(guildId, id);
  };

  let resyncs = 0;
  return store.followEntries({
    async onChange({ guildId, entryId }) {
      const entry = await store.get(guildId, entryId);
      if (entry?.status === "active") show(entry);
      else hide(guildId, entryId);
    },
    async onResync() {
      const active = await store.allActive();
      const stillActive = new Set(active.map((entry) => keyOf(entry.guildId, entry.id)));
      for (const [key, { guildId, id }] of shown) if (!stillActive.has(key)) hide(guildId, id);
      for (const entry of active) show(entry);
      resyncs += 1;
      logger.info(
        { entries: shown.size },
        resyncs === 1 ? "moderator entries loaded" : "moderator entries read again after a lost connection",
      );
    },
    onError(error) {
      logger.warn({ error: error.message }, "the feed of entry changes lost Postgres: reconnecting");
    },
  });
}
