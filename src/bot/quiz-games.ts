import { randomBytes, randomInt } from "node:crypto";
import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import type { Logger } from "pino";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { editOf, NO_MENTIONS, sendNotice } from "../interaction/reply.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import { canModerate } from "../moderation/permissions.ts";
import { MAX_SEED, makeQuiz, type QuizRequest } from "../quiz/make-quiz.ts";
import { type QuizCandidate, quizCandidates } from "../quiz/question-kinds.ts";
import { QuizGame, type QuizStage, type QuizTimer } from "../quiz/quiz-game.ts";
import {
  decodeQuizButton,
  LETTERS,
  type QuestionView,
  renderClosedQuestion,
  renderQuestion,
  renderReveal,
  renderStopped,
} from "../render/discord/quiz-messages.ts";
import type { QuizScoreStore } from "../store/index.ts";
import { UserError } from "../user-error.ts";
import { STALE_BUTTON } from "./page-turner.ts";

export const QUIZ_ENDED = "This quiz has ended: start another with /quiz start.";
export const TOO_LATE = "Too late: this round is over.";
export const QUIZ_FAILED =
  "This quiz had to stop: something went wrong on our side (it has been logged). Start another with /quiz start.";
export const NOT_YOUR_QUIZ = "Only the member who started this quiz, or a moderator, can stop it.";

export interface QuizGamesOptions {
  corpus: Corpus;
  /** QUIZ_SECONDS: how long each round stays open. */
  seconds: number;
  timer: QuizTimer;
  /** Where answers are scored; absent without a data folder (quizzes are then played unscored). */
  scores?: QuizScoreStore;
  moderatorRoleIds: readonly string[];
  logger: Logger;
  secrets: readonly string[];
}

/** What /quiz start asks for; without a seed, the quiz draws one. */
export type QuizStart = Omit<QuizRequest, "seed"> & { seed?: number };

interface RunningQuiz {
  game: QuizGame;
  channelId: string;
  starterId: string;
}

/**
 * The quizzes running in the bot, one per channel at most. Each one speaks through the interaction
 * that started it: the first question is its reply, every later message a follow-up, and closing a
 * question edits that message. Follow-ups work for 15 minutes, which is why QUIZ_SECONDS is capped:
 * ten rounds of at most 60 s fit well within them.
 */
export class QuizGames {
  readonly #running = new Map<string, RunningQuiz>();
  #candidates: QuizCandidate[] | undefined;

  constructor(private readonly options: QuizGamesOptions) {}

  get scores(): QuizScoreStore | undefined {
    return this.options.scores;
  }

  async start(
    interaction: ChatInputCommandInteraction,
    request: Omit<QuizRequest, "seed"> & { seed?: number },
  ) {
    const guildId = interaction.guildId;
    if (guildId === null) throw new UserError("quiz-needs-guild", "Quizzes are played in a server channel.");
    if (this.#inChannel(interaction.channelId) !== undefined) {
      throw new UserError(
        "quiz-running",
        "A quiz is already running in this channel: answer it, or ask whoever started it (or a moderator) to /quiz stop it.",
      );
    }
    const seed = request.seed ?? randomInt(1, MAX_SEED + 1);
    this.#candidates ??= quizCandidates(this.options.corpus);
    const questions = makeQuiz(this.options.corpus, { ...request, seed }, this.#candidates);
    const note =
      questions.length < request.rounds
        ? `Only ${questions.length} ${questions.length === 1 ? "question matches" : "questions match"}: this quiz has ${questions.length} ${questions.length === 1 ? "round" : "rounds"}.`
        : undefined;
    const id = randomBytes(6).toString("base64url");
    const { scores, logger } = this.options;
    const game = new QuizGame({
      id,
      questions,
      seconds: this.options.seconds,
      timer: this.options.timer,
      stage: this.#stage(
        interaction,
        { quizId: id, seed, seconds: this.options.seconds, total: questions.length },
        note,
      ),
      ...(scores === undefined
        ? {}
        : {
            recordRound: (round, answers) => scores.recordQuizRound(guildId, { quizId: id, round, answers }),
          }),
      onOver: (failure) => {
        this.#running.delete(id);
        if (failure === undefined) return;
        const secrets = [...this.options.secrets, interaction.token];
        logger.error({ error: toLoggableError(failure, secrets), quizId: id }, "quiz ended by a failure");
        // Before the first question is shown the router answers the command; after it, the channel is told.
        if (!interaction.replied) return;
        interaction
          .followUp({ content: QUIZ_FAILED, allowedMentions: NO_MENTIONS })
          .catch((error: unknown) => {
            logger.warn(
              { error: toLoggableError(error, secrets), quizId: id },
              "could not say the quiz stopped",
            );
          });
      },
    });
    this.#running.set(id, { game, channelId: interaction.channelId, starterId: interaction.user.id });
    logger.info({ quizId: id, seed, rounds: questions.length, guildId }, "quiz started");
    await game.start();
  }

  /** An answer button: counted once per member and round, refused after the round closed. */
  async answer(interaction: ButtonInteraction): Promise<void> {
    const target = decodeQuizButton(interaction.customId);
    if (target === undefined) return sendNotice(interaction, STALE_BUTTON);
    const running = this.#running.get(target.quizId);
    if (running === undefined) return sendNotice(interaction, QUIZ_ENDED);
    const verdict = running.game.answer(interaction.user.id, target.round, target.choice);
    const letter = (choice: number | undefined) => LETTERS[choice ?? 0];
    if (verdict.counted) {
      return sendNotice(
        interaction,
        `You answered ${letter(verdict.choice)}. The answer comes when the round ends.`,
      );
    }
    if (verdict.reason === "again") {
      return sendNotice(interaction, `You already answered ${letter(verdict.choice)}: one answer each.`);
    }
    return sendNotice(interaction, TOO_LATE);
  }

  /** /quiz stop: by whoever started the quiz, or a moderator. */
  async stop(interaction: ChatInputCommandInteraction): Promise<void> {
    const running = this.#inChannel(interaction.channelId);
    if (running === undefined) throw new UserError("quiz-none", "No quiz is running in this channel.");
    const allowed =
      running.starterId === interaction.user.id || canModerate(interaction, this.options.moderatorRoleIds);
    if (!allowed) throw new UserError("quiz-not-yours", NOT_YOUR_QUIZ);
    const summary = await running.game.stop();
    if (summary === undefined) throw new UserError("quiz-none", "That quiz has just ended.");
    const payload = renderStopped(summary, interaction.user.id);
    await interaction.reply({ ...payload, allowedMentions: NO_MENTIONS });
  }

  /** On shutdown: every open round is closed unrevealed, so no button is left that would answer "ended". */
  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.#running.values()].map((running) => running.game.stop()));
  }

  #inChannel(channelId: string): RunningQuiz | undefined {
    return [...this.#running.values()].find((running) => running.channelId === channelId);
  }

  #stage(
    interaction: ChatInputCommandInteraction,
    quiz: Omit<QuestionView, "round" | "question">,
    note: string | undefined,
  ): QuizStage {
    let messageId = "@original";
    let current: QuestionView | undefined;
    const closeQuestion = async (revealed: boolean) => {
      if (current === undefined) return;
      await interaction.editReply({ ...editOf(renderClosedQuestion(current, revealed)), message: messageId });
    };
    return {
      async ask(round, question) {
        current = { ...quiz, round, question };
        if (round === 1) {
          await interaction.reply({ ...renderQuestion(current, note), allowedMentions: NO_MENTIONS });
          return;
        }
        const message = await interaction.followUp({
          ...renderQuestion(current),
          allowedMentions: NO_MENTIONS,
        });
        messageId = message.id;
      },
      async reveal(outcome, summary) {
        await closeQuestion(true);
        await interaction.followUp({ ...renderReveal(outcome, summary), allowedMentions: NO_MENTIONS });
      },
      abandon: () => closeQuestion(false),
    };
  }
}
