import type { Context } from "../context.ts";
import type { Clock } from "../interaction/clock.ts";
import { databaseError, openSqliteQaStore } from "../store/index.ts";
import type { SqliteQaStore } from "../store/sqlite/sqlite-qa-store.ts";
import { loadGuildEntries } from "./load-guild-entries.ts";
import { createModeration, type Moderation } from "./moderation.ts";
import { openSharedModeration } from "./open-shared-moderation.ts";

/**
 * For the bot's start: opens the store in DATA_DIR (which checks it), makes every active moderator
 * entry answerable again, backs the checked database up, and returns what /qa and the feedback
 * buttons need. Close `moderation.store` on shutdown. Throws the store's StoreError (naming the
 * folder or file and what to do) when DATA_DIR cannot be used or the database is damaged.
 */
export async function openModeration(
  ctx: Pick<Context, "config" | "corpus" | "dossier" | "logger">,
  options: { clock?: Clock } = {},
): Promise<Moderation> {
  if (ctx.config.databaseUrl !== undefined) return openSharedModeration(ctx, ctx.config.databaseUrl, options);
  const store = openSqliteQaStore({ dataDir: ctx.config.dataDir, corpus: ctx.corpus });
  try {
    const { loaded, skipped } = await loadGuildEntries(store, ctx.dossier).catch((error: unknown) => {
      // The first read of every entry: what it finds wrong is said now, not in front of a member later.
      throw databaseError(store.file, error);
    });
    for (const entry of skipped) {
      ctx.logger.warn(
        { guildId: entry.guildId, entryId: entry.id, reason: entry.reason },
        "a moderator entry no longer verifies against the articles: not answered until a moderator fixes it with /qa edit",
      );
    }
    ctx.logger.info({ dataDir: ctx.config.dataDir, entries: loaded }, "moderator entries loaded");
    await backUpChecked(store, ctx.logger);
    return createModeration({
      store,
      dossier: ctx.dossier,
      corpus: ctx.corpus,
      moderatorRoleIds: ctx.config.moderatorRoleIds,
      logger: ctx.logger,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A database that passed its check at start is copied to dossier-backup.db, the copy a damaged one is
 * restored from. A failed copy (a full disk) is worth a warning, not a refusal to start.
 */
async function backUpChecked(store: SqliteQaStore, logger: Context["logger"]): Promise<void> {
  if (store.startCheck !== "quick_check passed") {
    logger.warn(
      { file: store.file },
      "the database is too large to check at every start, so it was neither checked nor backed up: run `dossier qa check` now and then",
    );
    return;
  }
  try {
    logger.info({ backup: await store.backUp() }, "database checked and backed up");
  } catch (error) {
    logger.warn({ file: store.file, error: String(error) }, "could not back up the database");
  }
}
