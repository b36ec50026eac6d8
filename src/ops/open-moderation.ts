import type { Context, StartedParts } from "../bot/context.ts";
import type { Clock } from "../interaction/clock.ts";
import { followSharedEntries } from "../moderation/follow-shared-entries.ts";
import { loadGuildEntries } from "../moderation/load-guild-entries.ts";
import { createModeration, type Moderation } from "../moderation/moderation.ts";
import { databaseError, openSqliteQaStore } from "../store/index.ts";
import { openPostgresQaStore } from "../store/postgres/open-store.ts";
import type { SqliteQaStore } from "../store/sqlite/sqlite-qa-store.ts";

/**
 * For the bot's start: opens the store in DATA_DIR (which checks it), makes every active moderator
 * entry answerable again, backs the checked database up, and returns what /qa and the feedback
 * buttons need. Close `moderation.store` on shutdown. Throws the store's StoreError (naming the
 * folder or file and what to do) when DATA_DIR cannot be used or the database is damaged.
 */
export async function openModeration(
  ctx: Pick<Context, StartedParts>,
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
    return moderationOver(store, ctx, options);
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** What /qa and the feedback buttons are given, over an opened store of either engine. */
function moderationOver(
  store: Moderation["store"],
  ctx: Pick<Context, StartedParts>,
  options: { clock?: Clock },
): Moderation {
  return createModeration({
    store,
    dossier: ctx.dossier,
    corpus: ctx.corpus,
    moderatorRoleIds: ctx.config.moderatorRoleIds,
    logger: ctx.logger,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
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

/**
 * openModeration with DATABASE_URL set: the store is Postgres, shared by every replica, and this
 * replica's answer index follows it (follow-shared-entries.ts). Throws the store's StoreError, one
 * sentence saying what to fix, when the database cannot be reached or used.
 */
export async function openSharedModeration(
  ctx: Pick<Context, StartedParts>,
  url: string,
  options: { clock?: Clock } = {},
): Promise<Moderation> {
  const store = await openPostgresQaStore({
    url,
    corpus: ctx.corpus,
    onIdleError: (error) =>
      ctx.logger.warn({ error: error.message }, "a pooled Postgres connection was lost"),
  });
  try {
    await followSharedEntries(store, ctx.dossier, ctx.logger);
    return moderationOver(store, ctx, options);
  } catch (error) {
    await store.close();
    throw error;
  }
}
