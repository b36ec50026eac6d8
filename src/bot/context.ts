import type { Logger } from "pino";
import type { Dossier } from "../answer/dossier.ts";
import type { LastQuestion } from "../answer-commands.ts";
import type { Config } from "../config.ts";
import type { Clock } from "../interaction/clock.ts";
import { RecentCache } from "../interaction/recent-cache.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import type { Moderation } from "../moderation/moderation.ts";
import type { AnswerPages } from "./answer-pages.ts";
import type { SlashCommand } from "./command.ts";
import type { QuizGames } from "./quiz-games.ts";

/**
 * The one context, passed down explicitly: no globals, so tests build their own with a fixture
 * corpus or a fake dossier. It is filled in three steps, each by whoever has the parts:
 * - at start, createContext (src/create-context.ts): config, corpus, dossier, logger;
 * - whoever starts the bot (the service, serve-http, tests): moderation and store when there is a
 *   data folder, and the commands (commands/index.ts);
 * - the bot itself (interaction-handling.ts): pages and quizzes.
 * A function that needs less takes a `Pick<Context, …>`; the bot is started with everything but the
 * parts it makes, `Omit<Context, BotParts>`.
 */
export interface Context {
  config: Config;
  corpus: Corpus;
  dossier: Dossier;
  logger: Logger;
  /** Server Q&A entries, the feedback buttons and quiz scores; absent without a data folder. */
  moderation?: Moderation;
  /** What shutdown closes (usually `moderation.store`). */
  store?: { close(): void | Promise<void> };
  /** The slash commands the bot answers, which /help lists. */
  commands: readonly SlashCommand[];
  /** Answers' pages, for "More" and "Previous". */
  pages: AnswerPages;
  /** The quizzes running in the bot's channels. */
  quizzes: QuizGames;
  /**
   * Each member's last question in each channel (by "channel:member"), which a follow-up is read
   * with ("what else did he say"): in this process's memory, or in the database replicas share.
   */
  lastQuestions: LastQuestions;
}

/** What a member asked last in a channel, for ten minutes; asynchronous, as replicas share it. */
export interface LastQuestions {
  recall(conversation: string): Promise<LastQuestion | undefined>;
  keep(conversation: string, last: LastQuestion): Promise<void>;
}

/** A follow-up comes soon after its question: after ten minutes a question is read alone again. */
export const LAST_QUESTION_TTL_MS = 10 * 60_000;

/** Members' last questions in this process's memory, bounded. */
export function lastQuestionsMemory(clock: Clock): LastQuestions {
  const cache = new RecentCache<LastQuestion>({ clock, ttlMs: LAST_QUESTION_TTL_MS, maxEntries: 5_000 });
  return {
    recall: async (conversation) => cache.get(conversation),
    keep: async (conversation, last) => cache.set(conversation, last),
  };
}

/** The parts the bot makes for itself when it starts. */
export type BotParts = "pages" | "quizzes" | "lastQuestions";

/** What createContext builds at start, before any bot: enough for the console and the CLI. */
export type StartedParts = "config" | "corpus" | "dossier" | "logger";
