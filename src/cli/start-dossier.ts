import { drawnForWarmUp } from "../bot/answer-pages.ts";
import type { Context, StartedParts } from "../bot/context.ts";
import { loadConfig } from "../config.ts";
import { consoleStreams, runConsole } from "../console/run-console.ts";
import { createContext, warmUpInBackground } from "../create-context.ts";
import { explainDiscordFailure } from "../deploy/discord-failure.ts";
import { nodeVersionProblem } from "../installation.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { KnowledgeError } from "../knowledge/problems.ts";
import { type CliIo, processIo } from "../render/terminal/terminal.ts";
import { StoreError } from "../store/store-error.ts";
import { UserError } from "../user-error.ts";

/** Starts the Discord bot with the context; resolves once it is logged in and answering. */
export type BotStarter = (context: Pick<Context, StartedParts>) => Promise<unknown>;

/** Two lines, each within an 80-column terminal. */
export const NO_TOKEN_NOTICE =
  "No DISCORD_TOKEN set: starting the offline console.\nSet it in .env to run the Discord bot (see README).";

export interface StartOptions {
  /** Starts the bot when DISCORD_TOKEN is set (src/main.ts passes the real one). */
  startBot: BotStarter;
  env?: NodeJS.ProcessEnv;
  io?: CliIo;
  stdin?: NodeJS.ReadStream | NodeJS.ReadableStream;
  /** Builds the context instead of loading config and knowledge: tests pass one built once. */
  context?: () => Pick<Context, StartedParts>;
}

/** `npm start`: the bot when DISCORD_TOKEN is set, otherwise the offline console. Returns the exit code. */
export async function startDossier(options: StartOptions): Promise<number> {
  const io = options.io ?? processIo;
  const stdin = options.stdin ?? process.stdin;
  const tooOld = nodeVersionProblem();
  if (tooOld !== undefined) {
    io.err(tooOld);
    return 1;
  }
  let context: Pick<Context, StartedParts>;
  try {
    context = options.context?.() ?? createContext(loadConfig(options.env ?? process.env));
  } catch (error) {
    if (!(error instanceof UserError || error instanceof KnowledgeError)) throw error;
    io.err(error.message);
    return 1;
  }
  // Stopped when the console ends or the bot fails to start; a running bot exits without waiting.
  // Said in the bot's log, for whoever watches it; the console's terminal is the member's. The bot
  // also draws the answers as Discord shows them.
  const bot = context.config.discordToken !== undefined;
  const warmUp = warmUpInBackground(
    context,
    bot ? { level: "info", answered: drawnForWarmUp(context.dossier) } : { level: "debug" },
  );
  if (bot) {
    try {
      await options.startBot(context);
    } catch (error) {
      warmUp.abort();
      // A data folder it cannot write, a token Discord refuses: sentences for the admin, the rest for debug.
      const explained =
        error instanceof UserError || error instanceof StoreError
          ? error
          : explainDiscordFailure(error, { retry: "npm start", apiUrl: context.config.discordApiUrl });
      if (explained === undefined) throw error;
      context.logger.debug({ error: toLoggableError(explained.cause ?? error) }, explained.message);
      io.err(explained.message);
      return 1;
    }
    return 0;
  }
  io.out(NO_TOKEN_NOTICE);
  await runConsole(context, consoleStreams(stdin, io));
  warmUp.abort();
  return 0;
}

/**
 * `npm start` with a token: the bot service (store, DATA_DIR lock, /healthz and /metrics when
 * METRICS_PORT is set, a login that waits out a missing network), stopped cleanly on SIGINT or
 * SIGTERM; a failure nothing catches is logged (an uncaught exception also stops it, exit 1, for the
 * service manager to restart). The bot's modules are imported lazily, so the offline console never loads discord.js.
 */
export const startBotWithStore: BotStarter = async (context) => {
  const { startBotService } = await import("../ops/bot-service.ts");
  const { installProcessHandlers } = await import("../bot/process-handlers.ts");
  const service = await startBotService(context);
  const { discordToken } = context.config;
  installProcessHandlers(service, {
    logger: context.logger,
    secrets: discordToken === undefined ? [] : [discordToken],
  });
};
