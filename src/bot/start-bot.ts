import { type Client, Events } from "discord.js";
import { commands as allCommands } from "../../commands/index.ts";
import { requireDiscordCredentials } from "../config.ts";
import { type QuizTimer, systemTimer } from "../quiz/quiz-game.ts";
import { createAnswerPages } from "./answer-pages.ts";
import type { BotContext } from "./bot-context.ts";
import { createClient } from "./client.ts";
import { type Clock, systemClock } from "./clock.ts";
import type { SlashCommand } from "./command.ts";
import { Cooldowns } from "./cooldowns.ts";
import { toLoggableError } from "./loggable-error.ts";
import { QuizGames } from "./quiz-games.ts";
import { createRouter } from "./router.ts";

export interface RunningBot {
  client: Client<true>;
  /** Stops taking interactions, lets those in progress finish, then disconnects. */
  stop(): Promise<void>;
}

export interface StartBotOptions {
  /** For cooldowns and the recent-answers cache; tests pass one they can move. */
  clock?: Clock;
  /** How long "More" / "Previous" keep working; default 15 minutes. */
  pageTtlMs?: number;
  /** The commands to answer; default every command in commands/index.ts. */
  commands?: readonly SlashCommand[];
  /** What ends quiz rounds; tests pass one they fire. */
  quizTimer?: QuizTimer;
}

/** How long `stop()` lets in-progress interactions finish before disconnecting anyway. */
const DRAIN_LIMIT_MS = 5_000;

/** Logs in and resolves once the client is ready to answer. Installs no signal handlers (see installShutdown). */
export async function startBot(ctx: BotContext, options: StartBotOptions = {}): Promise<RunningBot> {
  const { token } = requireDiscordCredentials(ctx.config);
  const clock = options.clock ?? systemClock;
  const { logger } = ctx;
  const client = createClient(ctx.config);
  const commands = options.commands ?? allCommands;
  const quizzes = new QuizGames({
    corpus: ctx.corpus,
    seconds: ctx.config.quizSeconds,
    timer: options.quizTimer ?? systemTimer,
    ...(ctx.moderation === undefined ? {} : { scores: ctx.moderation.store }),
    moderatorRoleIds: ctx.config.moderatorRoleIds,
    logger,
    secrets: [token],
  });
  const route = createRouter({
    commands,
    context: {
      dossier: ctx.dossier,
      pages: createAnswerPages({ clock, ttlMs: options.pageTtlMs }),
      commands,
      quizzes,
      ...(ctx.moderation === undefined ? {} : { moderation: ctx.moderation }),
    },
    cooldowns: new Cooldowns(ctx.config.cooldownSeconds, clock),
    logger,
    secrets: [token],
  });

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

  // Against a fast gateway `clientReady` can fire before `login()` resolves, so listen first.
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, "Dossier is online");

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
