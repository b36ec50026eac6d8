import type { Clock } from "../bot/clock.ts";
import type { Context } from "../context.ts";
import { openSqliteQaStore } from "../store/index.ts";
import { loadGuildEntries } from "./load-guild-entries.ts";
import { createModeration, type Moderation } from "./moderation.ts";
import { openSharedModeration } from "./open-shared-moderation.ts";

/**
 * For the bot's start: opens the store in DATA_DIR, makes every active moderator entry answerable
 * again, and returns what /qa and the feedback buttons need. Close `moderation.store` on shutdown.
 * Throws the store's StoreError (naming the folder and what to do) when DATA_DIR cannot be used.
 */
export async function openModeration(
  ctx: Pick<Context, "config" | "corpus" | "dossier" | "logger">,
  options: { clock?: Clock } = {},
): Promise<Moderation> {
  if (ctx.config.databaseUrl !== undefined) return openSharedModeration(ctx, ctx.config.databaseUrl, options);
  const store = openSqliteQaStore({ dataDir: ctx.config.dataDir, corpus: ctx.corpus });
  try {
    const { loaded, skipped } = await loadGuildEntries(store, ctx.dossier);
    for (const entry of skipped) {
      ctx.logger.warn(
        { guildId: entry.guildId, entryId: entry.id, reason: entry.reason },
        "a moderator entry no longer verifies against the articles: not answered until a moderator fixes it with /qa edit",
      );
    }
    ctx.logger.info({ dataDir: ctx.config.dataDir, entries: loaded }, "moderator entries loaded");
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
