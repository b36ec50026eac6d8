import type { Context } from "../context.ts";
import type { Clock } from "../interaction/clock.ts";
import { openPostgresQaStore } from "../store/postgres/open-store.ts";
import { followSharedEntries } from "./follow-shared-entries.ts";
import { createModeration, type Moderation } from "./moderation.ts";

/**
 * openModeration with DATABASE_URL set: the store is Postgres, shared by every replica, and this
 * replica's answer index follows it (follow-shared-entries.ts). Throws the store's StoreError, one
 * sentence saying what to fix, when the database cannot be reached or used.
 */
export async function openSharedModeration(
  ctx: Pick<Context, "config" | "corpus" | "dossier" | "logger">,
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
