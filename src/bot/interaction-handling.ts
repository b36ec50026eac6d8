import type { REST } from "discord.js";
import { commands as allCommands } from "../../commands/index.ts";
import { type QuizTimer, systemTimer } from "../quiz/quiz-game.ts";
import { memoryQuizRounds } from "../store/index.ts";
import { type AnswerPages, createAnswerPages } from "./answer-pages.ts";
import type { BotContext } from "./bot-context.ts";
import { type Clock, systemClock } from "./clock.ts";
import type { SlashCommand } from "./command.ts";
import { Cooldowns, type MemberCooldowns } from "./cooldowns.ts";
import { QuizGames } from "./quiz-games.ts";
import { createRouter, type InteractionHandler } from "./router.ts";

export interface InteractionHandlingOptions {
  /** For cooldowns and the recent-answers cache; tests pass one they can move. */
  clock?: Clock;
  /** How long "More" / "Previous" keep working; default 15 minutes. */
  pageTtlMs?: number;
  /** Where answers' pages are kept for "More" / "Previous"; default this process's memory. */
  pages?: AnswerPages;
  /** The commands to answer; default every command in commands/index.ts. */
  commands?: readonly SlashCommand[];
  /** What ends quiz rounds; tests pass one they fire. */
  quizTimer?: QuizTimer;
  /** See QuizGamesOptions.sweepEveryMs. */
  quizSweepMs?: number;
  /** Discord's REST API, for quiz rounds carried on without an interaction at hand. */
  rest?: () => REST;
  /** Members' cooldowns; default this process's memory (COOLDOWN_SECONDS). */
  cooldowns?: MemberCooldowns;
}

export interface InteractionHandling {
  route: InteractionHandler;
  quizzes: QuizGames;
}

/**
 * The router with everything the commands use, whichever transport delivers the interactions: the
 * gateway (start-bot.ts) or Discord's HTTP requests (src/http). `secrets` never reach a log line.
 */
export function createInteractionHandling(
  ctx: BotContext,
  secrets: readonly string[],
  options: InteractionHandlingOptions = {},
): InteractionHandling {
  const clock = options.clock ?? systemClock;
  const commands = options.commands ?? allCommands;
  const quizzes = new QuizGames({
    corpus: ctx.corpus,
    seconds: ctx.config.quizSeconds,
    timer: options.quizTimer ?? systemTimer,
    clock,
    // Without a data folder quizzes still run, their rounds in memory, unscored.
    rounds: ctx.moderation?.store.quizRounds ?? memoryQuizRounds(),
    ...(ctx.moderation === undefined ? {} : { scores: ctx.moderation.store }),
    ...(options.rest === undefined ? {} : { rest: options.rest }),
    ...(options.quizSweepMs === undefined ? {} : { sweepEveryMs: options.quizSweepMs }),
    moderatorRoleIds: ctx.config.moderatorRoleIds,
    logger: ctx.logger,
    secrets,
  });
  const route = createRouter({
    commands,
    context: {
      dossier: ctx.dossier,
      pages: options.pages ?? createAnswerPages({ clock, ttlMs: options.pageTtlMs }),
      commands,
      quizzes,
      ...(ctx.moderation === undefined ? {} : { moderation: ctx.moderation }),
    },
    cooldowns: options.cooldowns ?? new Cooldowns(ctx.config.cooldownSeconds, clock),
    logger: ctx.logger,
    secrets,
  });
  return { route, quizzes };
}
