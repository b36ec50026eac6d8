import { type Client, Status } from "discord.js";
import type { Logger } from "pino";
import { commands as allCommands } from "../../commands/index.ts";
import type { Context, StartedParts } from "../bot/context.ts";
import { type RunningBot, startBot } from "../bot/start-bot.ts";
import { networkFailureCode } from "../deploy/discord-failure.ts";
import type { Clock } from "../interaction/clock.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import type { QaStore } from "../store/index.ts";
import { holdDataDir } from "./backup.ts";
import {
  countCommands,
  countNotCovered,
  countReconnects,
  countStoreWrites,
  createMetrics,
} from "./metrics.ts";
import { openModeration } from "./open-moderation.ts";
import { type HealthReport, type OpsServer, startOpsServer } from "./ops-server.ts";

/** The bot as `npm start` runs it: store, DATA_DIR lock, metrics and health when asked for, the gateway. */
export interface BotService {
  bot: RunningBot;
  /** The /healthz and /metrics server, when METRICS_PORT is set. */
  ops: OpsServer | undefined;
  /** Stops the bot (letting answers in progress finish), then closes everything else. */
  stop(): Promise<void>;
}

export interface BotServiceOptions {
  /** How start-up waits before trying Discord again; tests pass one that resolves on their cue. */
  wait?: (ms: number) => Promise<void>;
  clock?: Clock;
}

/** Waits between attempts to reach Discord at start-up: quick at first, then once a minute. */
const RETRY_DELAYS_MS = [1, 2, 5, 10, 30, 60].map((seconds) => seconds * 1000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Opens the store (refusing an unusable DATA_DIR before any network), serves /healthz and /metrics
 * when METRICS_PORT is set (reporting 503 while connecting), then logs in, trying again with a
 * growing pause for as long as Discord cannot be reached: a machine that boots before its network
 * is up, or a passing outage, must not end the service.
 */
export async function startBotService(
  context: Pick<Context, StartedParts>,
  options: BotServiceOptions = {},
): Promise<BotService> {
  const { config, logger } = context;
  const cleanup: Array<() => unknown> = [];
  const closeAll = async () => {
    for (const step of cleanup.reverse()) await step();
  };
  try {
    const clock = options.clock === undefined ? {} : { clock: options.clock };
    const moderation = await openModeration(context, clock);
    cleanup.push(() => moderation.store.close());
    const held = holdDataDir(config.dataDir);
    cleanup.push(() => held.release());

    const metrics = config.metricsPort === undefined ? undefined : createMetrics();
    const store = metrics === undefined ? moderation.store : countStoreWrites(moderation.store, metrics);
    const dossier = metrics === undefined ? context.dossier : countNotCovered(context.dossier, metrics);
    const commands = metrics === undefined ? allCommands : countCommands(allCommands, metrics);

    let client: Client | undefined;
    let ops: OpsServer | undefined;
    if (metrics !== undefined && config.metricsPort !== undefined) {
      const server = await startOpsServer({
        port: config.metricsPort,
        host: config.metricsHost,
        registry: metrics.registry,
        logger,
        health: () => checkHealth(client, store),
      });
      cleanup.push(() => server.close());
      ops = server;
    }

    const bot = await startWithRetry(
      () =>
        startBot(
          {
            config,
            corpus: context.corpus,
            dossier,
            logger,
            moderation: { ...moderation, store },
            store,
            commands,
          },
          clock,
        ),
      logger,
      options.wait ?? sleep,
    );
    client = bot.client;
    if (metrics !== undefined) countReconnects(bot.client, metrics);
    return {
      bot,
      ops,
      async stop() {
        await bot.stop();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function startWithRetry(
  start: () => Promise<RunningBot>,
  logger: Logger,
  wait: (ms: number) => Promise<void>,
): Promise<RunningBot> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const code = networkFailureCode(error);
      if (code === undefined) throw error;
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 60_000;
      logger.warn(
        { code, attempt: attempt + 1, retryInSeconds: delay / 1000 },
        `Cannot reach Discord (${code}): retrying in ${delay / 1000} s. If this goes on, check this machine's network and DNS.`,
      );
      logger.debug({ error: toLoggableError(error) }, "the attempt that failed");
      await wait(delay);
    }
  }
}

/** Healthy when every gateway shard is connected and the store answers a read. */
async function checkHealth(client: Client | undefined, store: QaStore): Promise<HealthReport> {
  const shards = client === undefined ? [] : [...client.ws.shards.values()];
  const gateway =
    shards.length > 0 && shards.every((shard) => shard.status === Status.Ready)
      ? "connected"
      : shards.some((shard) => shard.status === Status.Disconnected)
        ? "disconnected"
        : "connecting";
  try {
    // Any read goes through SQLite; an id no entry has keeps it to one index lookup.
    await store.get("healthz", "healthz");
    return { gateway, store: "ok" };
  } catch {
    return { gateway, store: "failing" };
  }
}
