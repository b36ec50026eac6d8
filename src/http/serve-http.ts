import type { BotParts, Context } from "../bot/context.ts";
import { SharedCooldowns } from "../bot/cooldowns.ts";
import { createInteractionHandling, type InteractionHandlingOptions } from "../bot/interaction-handling.ts";
import { createSharedMemories } from "../bot/shared-memories.ts";
import { ConfigError } from "../config.ts";
import { type Clock, systemClock } from "../interaction/clock.ts";
import { PostgresQaStore } from "../store/postgres/postgres-qa-store.ts";
import { HttpTransport } from "./http-transport.ts";
import { startInteractionsEndpoint } from "./interactions-endpoint.ts";
import { ed25519PublicKey, ReplayGuard } from "./signature.ts";

export interface ServeHttpOptions extends InteractionHandlingOptions {
  /** Default PORT, then 8080; 0 picks a free port (tests). */
  port?: number;
  /** Default HOST, then 127.0.0.1. */
  host?: string;
  /** For the signatures' five-minute window: real time by default, whatever `clock` says. */
  signatureClock?: Clock;
  /** See HttpTransportOptions.deferAfterMs. */
  deferAfterMs?: number;
  /** See EndpointOptions.warming. */
  warming?: () => boolean;
}

export interface RunningHttpBot {
  /** `http://HOST:PORT`; Discord's Interactions Endpoint URL is this (behind HTTPS) + `/interactions`. */
  url: string;
  /** Stops taking interactions, lets those in progress finish (follow-ups included), then closes. */
  stop(): Promise<void>;
}

export const MISSING_PUBLIC_KEY =
  "DISCORD_PUBLIC_KEY is not set: copy the Public Key from the General Information page of the Discord Developer Portal into .env.";

/**
 * `dossier serve-http`: the same router and command modules as the gateway bot, fed by Discord's
 * HTTP requests instead of a gateway connection. Nothing an interaction needs later lives only in
 * this process when the store is Postgres: what buttons stand for, the signatures already seen, the
 * quizzes running and members' cooldowns are in the database, so any replica can take any request.
 */
export async function serveHttp(
  ctx: Omit<Context, BotParts>,
  options: ServeHttpOptions = {},
): Promise<RunningHttpBot> {
  const { config, logger } = ctx;
  if (config.discordPublicKey === undefined) throw new ConfigError(MISSING_PUBLIC_KEY);
  const clock = options.clock ?? systemClock;
  const store = ctx.moderation?.store;
  const shared = store instanceof PostgresQaStore ? store.sharedValues(() => clock.now()) : undefined;
  const memories = shared === undefined ? undefined : createSharedMemories(shared, clock, logger);
  const moderation =
    ctx.moderation === undefined || memories === undefined
      ? ctx.moderation
      : { ...ctx.moderation, drafts: memories.drafts, votes: memories.votes };
  const secrets = config.discordToken === undefined ? [] : [config.discordToken];
  // Declared before the router, which needs its REST API only once interactions arrive.
  let transport: HttpTransport | undefined;
  const { route, quizzes } = createInteractionHandling(
    { ...ctx, ...(moderation === undefined ? {} : { moderation }) },
    secrets,
    {
      rest: () => {
        if (transport === undefined) throw new Error("serve-http: no transport yet");
        return transport.client.rest;
      },
      ...(shared === undefined
        ? {}
        : { cooldowns: new SharedCooldowns(shared, config.cooldownSeconds, clock, logger) }),
      ...options,
      ...(memories === undefined ? {} : { pages: memories.pages, lastQuestions: memories.lastQuestions }),
    },
  );
  transport = new HttpTransport({
    route,
    apiUrl: config.discordApiUrl,
    logger,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  const signatureClock = options.signatureClock ?? systemClock;
  const endpoint = await startInteractionsEndpoint(
    {
      transport,
      publicKey: ed25519PublicKey(config.discordPublicKey),
      replays: new ReplayGuard(() => signatureClock.now(), shared, logger),
      now: () => signatureClock.now(),
      logger,
      ...(options.warming === undefined ? {} : { warming: options.warming }),
    },
    { port: options.port ?? config.httpPort, host: options.host ?? config.httpHost },
  );
  logger.info(
    {
      url: `${endpoint.url}/interactions`,
      store: store === undefined ? "none" : shared ? "postgres" : "sqlite",
    },
    "Dossier is answering interactions over HTTP",
  );
  return {
    url: endpoint.url,
    async stop() {
      await endpoint.stop();
      await quizzes.stopAll();
      await transport.destroy();
      logger.info("Dossier is offline");
    },
  };
}
