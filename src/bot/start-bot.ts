import { type Client, Events } from "discord.js";
import { requireDiscordCredentials } from "../config.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { createClient } from "./client.ts";
import type { BotParts, Context } from "./context.ts";
import { createInteractionHandling, type InteractionHandlingOptions } from "./interaction-handling.ts";

export interface RunningBot {
  client: Client<true>;
  /** Stops taking interactions, lets those in progress finish, then disconnects. */
  stop(): Promise<void>;
}

export type StartBotOptions = InteractionHandlingOptions;

/** How long `stop()` lets in-progress interactions finish before disconnecting anyway. */
const DRAIN_LIMIT_MS = 5_000;

/** Logs in and resolves once the client is ready to answer. Installs no signal handlers (see installShutdown). */
export async function startBot(
  ctx: Omit<Context, BotParts>,
  options: StartBotOptions = {},
): Promise<RunningBot> {
  const { token } = requireDiscordCredentials(ctx.config);
  const { logger } = ctx;
  const client = createClient(ctx.config);
  const { route, quizzes } = createInteractionHandling(ctx, [token], { rest: () => client.rest, ...options });

  let accepting = true;
  const inFlight = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    const handled = route(interaction).catch((error: unknown) => {
      logger.error({ error: toLoggableError(error, [token]) }, "interaction handler failed");
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  client.on(Events.Error, (error) =>
    logger.error({ error: toLoggableError(error, [token]) }, "client error"),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.ShardReady, (shardId, unavailable) =>
    logger.info(
      { shardId, shardCount: client.options.shardCount, unavailableGuilds: unavailable?.size ?? 0 },
      `shard ${shardId + 1} of ${client.options.shardCount} ready`,
    ),
  );

  // Against a fast gateway `clientReady` can fire before `login()` resolves, so listen first.
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  logger.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      shards: readyClient.options.shardCount,
    },
    "Dossier is online",
  );

  return {
    client: readyClient,
    async stop() {
      accepting = false;
      await drain(inFlight);
      await quizzes.stopAll();
      await client.destroy();
      logger.info("Dossier is offline");
    },
  };
}

async function drain(inFlight: Set<Promise<void>>): Promise<void> {
  if (inFlight.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DRAIN_LIMIT_MS);
    timer.unref();
  });
  await Promise.race([Promise.allSettled([...inFlight]), limit]);
  clearTimeout(timer);
}
