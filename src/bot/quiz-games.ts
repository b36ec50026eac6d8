import { randomBytes, randomInt } from "node:crypto";
import type { ButtonInteraction, ChatInputCommandInteraction, REST } from "discord.js";
import type { Logger } from "pino";
import type { Clock } from "../interaction/clock.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { NO_MENTIONS, sendNotice } from "../interaction/reply.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import { canModerate } from "../moderation/permissions.ts";
import { MAX_SEED, makeQuiz, type QuizRequest } from "../quiz/make-quiz.ts";
import { type QuizCandidate, quizCandidates } from "../quiz/question-kinds.ts";
import { QuizHost, type QuizTimer } from "../quiz/quiz-game.ts";
import { textMessage } from "../render/discord/payload.ts";
import { decodeQuizButton, LETTERS, renderQuestion, renderStopped } from "../render/discord/quiz-messages.ts";
import type { QuizGameRecord, QuizRoundStore, QuizScoreStore } from "../store/index.ts";
import { UserError } from "../user-error.ts";
import { STALE_BUTTON } from "./page-turner.ts";
import { followUp, quizQuestionSchema, webhookStage } from "./quiz-stage.ts";

export const QUIZ_ENDED = "This quiz has ended: start another with /quiz start.";
export const TOO_LATE = "Too late: this round is over.";
export const QUIZ_FAILED =
  "This quiz had to stop: something went wrong on our side (it has been logged). Start another with /quiz start.";
export const NOT_YOUR_QUIZ = "Only the member who started this quiz, or a moderator, can stop it.";

/** How often a replica looks for rounds another left open past their deadline. */
const SWEEP_EVERY_MS = 5_000;

export interface QuizGamesOptions {
  corpus: Corpus;
  /** QUIZ_SECONDS: how long each round stays open. */
  seconds: number;
  timer: QuizTimer;
  clock: Clock;
  /** Where running quizzes are kept: the store, or this process's memory without one. */
  rounds: QuizRoundStore;
  /** Where answers are scored; absent without a data folder (quizzes are then played unscored). */
  scores?: QuizScoreStore;
  /** Discord's REST API, for quizzes this process carries on without an interaction at hand. */
  rest?: () => REST;
  /**
   * When replicas share the rounds: how often to look for rounds left past their deadline (0: only
   * when a quiz interaction arrives, which tests use to decide when it happens).
   */
  sweepEveryMs?: number;
  moderatorRoleIds: readonly string[];
  logger: Logger;
  secrets: readonly string[];
}

/** What /quiz start asks for; without a seed, the quiz draws one. */
export type QuizStart = Omit<QuizRequest, "seed"> & { seed?: number };

/**
 * The quizzes in the bot's channels, one per channel at most, kept in the store (quiz-game.ts), so
 * that with replicas sharing Postgres a click counts whichever replica it reaches and a round is
 * revealed even when the replica that asked it is gone. Each quiz speaks through the interaction that
 * started it: the first question is its reply, every later message a follow-up through its webhook,
 * and closing a question edits that message. Follow-ups work for 15 minutes, which is why
 * QUIZ_SECONDS is capped: ten rounds of at most 60 s fit well within them.
 */
export class QuizGames {
  readonly #host: QuizHost;
  /** Without replicas, quizzes left running by a process that died cannot go on: they are ended first. */
  readonly #ready: Promise<void>;
  readonly #sweeper: NodeJS.Timeout | undefined;
  #candidates: QuizCandidate[] | undefined;
  #rest: REST | undefined;

  constructor(private readonly options: QuizGamesOptions) {
    const { rounds, scores, logger, clock } = options;
    this.#host = new QuizHost({
      store: rounds,
      seconds: options.seconds,
      timer: options.timer,
      now: () => clock.now(),
      stageOf: (quiz) => webhookStage(this.#restApi(), quiz),
      parseQuestion: (json) => quizQuestionSchema.parse(JSON.parse(json)),
      ...(scores === undefined
        ? {}
        : {
            recordRound: (quiz, round, answers) =>
              scores.recordQuizRound(quiz.guildId, { quizId: quiz.quizId, round, answers }),
          }),
      onFailure: (quiz, error) => this.#failed(quiz, error),
    });
    this.#ready = rounds.shared
      ? Promise.resolve()
      : rounds.endAllQuizzes().catch((error: unknown) => {
          logger.warn({ error: toLoggableError(error) }, "could not end the quizzes of an earlier run");
        });
    const every = options.sweepEveryMs ?? SWEEP_EVERY_MS;
    this.#sweeper = rounds.shared && every > 0 ? setInterval(() => this.#sweep(), every).unref() : undefined;
  }

  get scores(): QuizScoreStore | undefined {
    return this.options.scores;
  }

  async start(interaction: ChatInputCommandInteraction, request: QuizStart): Promise<void> {
    this.#arrived(interaction);
    await this.#ready;
    const guildId = interaction.guildId;
    if (guildId === null) throw new UserError("quiz-needs-guild", "Quizzes are played in a server channel.");
    const { rounds, logger, seconds } = this.options;
    if ((await rounds.runningQuiz(interaction.channelId)) !== undefined) throw alreadyRunning();
    const seed = request.seed ?? randomInt(1, MAX_SEED + 1);
    this.#candidates ??= quizCandidates(this.options.corpus);
    const questions = makeQuiz(this.options.corpus, { ...request, seed }, this.#candidates);
    const note =
      questions.length < request.rounds
        ? `Only ${questions.length} ${questions.length === 1 ? "question matches" : "questions match"}: this quiz has ${questions.length} ${questions.length === 1 ? "round" : "rounds"}.`
        : undefined;
    const quiz: QuizGameRecord = {
      quizId: randomBytes(6).toString("base64url"),
      guildId,
      channelId: interaction.channelId,
      starterId: interaction.user.id,
      applicationId: interaction.applicationId,
      token: interaction.token,
      seed,
      total: questions.length,
      seconds,
      startedAt: this.options.clock.now(),
    };
    const started = await this.#host.start(quiz, questions, async (question) => {
      const view = { quizId: quiz.quizId, round: 1, total: quiz.total, seconds, seed, question };
      await interaction.reply({ ...renderQuestion(view, note), allowedMentions: NO_MENTIONS });
    });
    if (!started) throw alreadyRunning();
    logger.info({ quizId: quiz.quizId, seed, rounds: questions.length, guildId }, "quiz started");
  }

  /** An answer button: counted once per member and round, refused after the round closed. */
  async answer(interaction: ButtonInteraction): Promise<void> {
    this.#arrived(interaction);
    await this.#ready;
    const target = decodeQuizButton(interaction.customId);
    // Round 0 fits the custom id's pattern but was never written: a modified client's.
    if (target === undefined || target.round < 1) return sendNotice(interaction, STALE_BUTTON);
    const verdict = await this.#host.answer(target.quizId, target.round, interaction.user.id, target.choice);
    const letter = (choice: number) => LETTERS[choice] ?? LETTERS[0];
    if (verdict.counted) {
      return sendNotice(
        interaction,
        `You answered ${letter(verdict.choice)}. The answer comes when the round ends.`,
      );
    }
    if (verdict.reason === "again") {
      return sendNotice(interaction, `You already answered ${letter(verdict.choice)}: one answer each.`);
    }
    return sendNotice(interaction, verdict.reason === "ended" ? QUIZ_ENDED : TOO_LATE);
  }

  /** /quiz stop: by whoever started the quiz, or a moderator. */
  async stop(interaction: ChatInputCommandInteraction): Promise<void> {
    this.#arrived(interaction);
    await this.#ready;
    const running = await this.options.rounds.runningQuiz(interaction.channelId);
    if (running === undefined) throw new UserError("quiz-none", "No quiz is running in this channel.");
    const allowed =
      running.starterId === interaction.user.id || canModerate(interaction, this.options.moderatorRoleIds);
    if (!allowed) throw new UserError("quiz-not-yours", NOT_YOUR_QUIZ);
    const summary = await this.#host.stop(running.quizId);
    if (summary === undefined) throw new UserError("quiz-none", "That quiz has just ended.");
    const payload = renderStopped(summary, interaction.user.id);
    await interaction.reply({ ...payload, allowedMentions: NO_MENTIONS });
  }

  /**
   * On shutdown. Alone on the store, every open round is closed unrevealed, so no button is left that
   * would answer "ended"; with replicas, the rounds are left for them to reveal.
   */
  async stopAll(): Promise<void> {
    clearInterval(this.#sweeper);
    await this.#ready;
    await this.#host.stopAll();
  }

  /** Every quiz interaction brings Discord's REST API along, and with replicas looks for overdue rounds. */
  #arrived(interaction: ButtonInteraction | ChatInputCommandInteraction): void {
    this.#rest ??= interaction.client.rest;
    if (this.options.rounds.shared) this.#sweep();
  }

  #sweep(): void {
    this.#host.sweep().catch((error: unknown) => {
      this.options.logger.warn({ error: toLoggableError(error, this.options.secrets) }, "quiz sweep failed");
    });
  }

  #restApi(): REST {
    const rest = this.#rest ?? this.options.rest?.();
    if (rest === undefined) throw new Error("QuizGames: no REST API to speak in a quiz's channel");
    return rest;
  }

  /** A quiz ended by a failure: logged (never with its token), and the channel is told when it can be. */
  #failed(quiz: QuizGameRecord | undefined, failure: unknown): void {
    const { logger } = this.options;
    const secrets = [...this.options.secrets, ...(quiz === undefined ? [] : [quiz.token])];
    logger.error(
      { error: toLoggableError(failure, secrets), quizId: quiz?.quizId },
      "quiz ended by a failure",
    );
    if (quiz === undefined) return;
    const unsaid = (error: unknown) =>
      logger.warn(
        { error: toLoggableError(error, secrets), quizId: quiz.quizId },
        "could not say the quiz stopped",
      );
    try {
      followUp(this.#restApi(), quiz, textMessage(QUIZ_FAILED)).catch(unsaid);
    } catch (error) {
      unsaid(error);
    }
  }
}

function alreadyRunning(): UserError {
  return new UserError(
    "quiz-running",
    "A quiz is already running in this channel: answer it, or ask whoever started it (or a moderator) to /quiz stop it.",
  );
}
