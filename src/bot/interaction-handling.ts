import type { REST } from "discord.js";
import { type Clock, systemClock } from "../interaction/clock.ts";
import { type QuizTimer, systemTimer } from "../quiz/quiz-game.ts";
import { memoryQuizRounds } from "../store/index.ts";
import { type AnswerPages, createAnswerPages } from "./answer-pages.ts";
import { type BotParts, type Context, type LastQuestions, lastQuestionsMemory } from "./context.ts";
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
  /** What ends quiz rounds; tests pass one they fire. */
  quizTimer?: QuizTimer;
  /** See QuizGamesOptions.sweepEveryMs. */
  quizSweepMs?: number;
  /** Discord's REST API, for quiz rounds carried on without an interaction at hand. */
  rest?: () => REST;
  /** Members' cooldowns; default this process's memory (COOLDOWN_SECONDS). */
  cooldowns?: MemberCooldowns;
  /** Members' last questions, for follow-ups; default this process's memory. */
  lastQuestions?: LastQuestions;
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
  ctx: Omit<Context, BotParts>,
  secrets: readonly string[],
  options: InteractionHandlingOptions = {},
): InteractionHandling {
  const clock = options.clock ?? systemClock;
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
  const context: Context = {
    ...ctx,
    pages: options.pages ?? createAnswerPages({ clock, ttlMs: options.pageTtlMs }),
    quizzes,
    lastQuestions: options.lastQuestions ?? lastQuestionsMemory(clock),
  };
  const route = createRouter({
    context,
    cooldowns: options.cooldowns ?? new Cooldowns(ctx.config.cooldownSeconds, clock),
    logger: ctx.logger,
    secrets,
  });
  return { route, quizzes };
}
