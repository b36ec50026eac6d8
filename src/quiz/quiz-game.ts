import type { QuizGameRecord, QuizRoundStore, QuizTally } from "../store/quiz-rounds.ts";
import type { QuizStanding } from "../store/quiz-scores.ts";
import type { QuizQuestion } from "./question-kinds.ts";

/**
 * Quizzes whose state is in the store, whatever carries them: rounds in order, one answer per member
 * per round, each round revealed once, the scores recorded before the reveal is shown. Any process
 * sharing the store can carry a quiz on: the one that asked a round ends it with its QuizTimer (tests
 * fire it rather than wait), and a round still open past its deadline (the process that asked it is
 * gone) is revealed by whichever process sweeps first. The front end is a QuizStage.
 */

export interface QuizTimer {
  /** Calls `onEnd` after `ms`; the returned function cancels it. */
  start(ms: number, onEnd: () => void): () => void;
}

export const systemTimer: QuizTimer = {
  start(ms, onEnd) {
    const timeout = setTimeout(onEnd, ms);
    return () => clearTimeout(timeout);
  },
};

export interface RoundOutcome {
  round: number;
  question: QuizQuestion;
  /** Members who chose the right answer, then those who did not, each in the order they answered. */
  right: string[];
  wrong: string[];
}

export interface QuizSummary {
  /** Rounds revealed. */
  played: number;
  total: number;
  /** Most right answers first. */
  standings: QuizStanding[];
}

/** What a front end does at each step, in a quiz's channel. A rejection ends the quiz (see onFailure). */
export interface QuizStage {
  /** Shows the question of round 2 or later; resolves with the id of its message. */
  ask(round: number, question: QuizQuestion): Promise<string>;
  /** Closes the round's question (when it was posted), then shows the answer; `summary` after the last round. */
  reveal(
    outcome: RoundOutcome,
    messageId: string | undefined,
    summary: QuizSummary | undefined,
  ): Promise<void>;
  /** A stopped quiz: its open round's question closes unrevealed. */
  abandon(round: number, question: QuizQuestion, messageId: string | undefined): Promise<void>;
}

export interface QuizHostOptions {
  store: QuizRoundStore;
  /** QUIZ_SECONDS: how long each round stays open. */
  seconds: number;
  timer: QuizTimer;
  /** Milliseconds since 1970, by the bot's clock: deadlines are kept in it. */
  now: () => number;
  /** How to speak in a quiz's channel, from what the store keeps of it. */
  stageOf(quiz: QuizGameRecord): QuizStage;
  /** A question back from the store, checked. */
  parseQuestion(json: string): QuizQuestion;
  /** Writes a revealed round's answers; absent when nothing is kept (no data folder). */
  recordRound?(
    quiz: QuizGameRecord,
    round: number,
    answers: Array<{ userId: string; correct: boolean }>,
  ): Promise<void>;
  /** A quiz ended by a failure (already marked ended): the front end logs it and tells the channel. */
  onFailure(quiz: QuizGameRecord | undefined, error: unknown): void;
}

/** A round overdue by this much is taken over by a sweep: before it, the process that asked it ends it. */
export const SWEEP_GRACE_MS = 2_000;
/** A quiz speaks through its interaction's webhook, which Discord honours for 15 minutes. */
const WEBHOOK_LIFETIME_MS = 15 * 60_000;

export class QuizHost {
  /** The local timers of the rounds this process asked, by quiz. */
  readonly #timers = new Map<string, { round: number; cancel: () => void }>();
  /** Quizzes this process started or carried on, until they end: what stopAll ends when nobody shares them. */
  readonly #carried = new Set<string>();

  constructor(private readonly options: QuizHostOptions) {}

  /**
   * Saves the quiz with its questions, shows the first (`showFirst`) and starts its round. False,
   * with nothing shown, when a quiz is already running in the channel; a failure to show the first
   * question ends the quiz and is thrown.
   */
  async start(
    quiz: QuizGameRecord,
    questions: readonly QuizQuestion[],
    showFirst: (question: QuizQuestion) => Promise<void>,
  ): Promise<boolean> {
    const first = questions[0];
    if (first === undefined) throw new Error("QuizHost: a quiz without questions");
    const { store } = this.options;
    const plans = questions.map((question, index) => ({
      round: index + 1,
      questionJson: JSON.stringify(question),
      rightChoice: question.answer,
    }));
    if (!(await store.startQuiz(quiz, plans, this.#deadline()))) return false;
    this.#carried.add(quiz.quizId);
    try {
      await showFirst(first);
      await store.placeRound(quiz.quizId, 1, "@original");
    } catch (error) {
      this.#carried.delete(quiz.quizId);
      await store.endQuiz(quiz.quizId).catch(() => undefined);
      throw error;
    }
    this.#arm(quiz.quizId, 1);
    return true;
  }

  /** Counts a member's first answer to an open round; an overdue round found here is revealed now. */
  async answer(quizId: string, round: number, userId: string, choice: number) {
    const verdict = await this.options.store.answerRound({
      quizId,
      round,
      userId,
      choice,
      at: this.options.now(),
    });
    if (!verdict.counted && verdict.reason === "closed" && verdict.overdue) void this.reveal(quizId, round);
    return verdict;
  }

  /**
   * Ends a quiz early: its open round is neither revealed nor scored, and its question closes.
   * Undefined when it had already ended.
   */
  async stop(quizId: string): Promise<QuizSummary | undefined> {
    this.#disarm(quizId);
    this.#carried.delete(quizId);
    const ended = await this.options.store.endQuiz(quizId);
    if (ended === undefined) return undefined;
    const { open, quiz } = ended;
    if (open !== undefined) {
      const question = this.options.parseQuestion(open.questionJson);
      await this.options
        .stageOf(quiz)
        .abandon(open.round, question, open.messageId)
        .catch((error: unknown) => this.options.onFailure(quiz, error));
    }
    return summaryOf(ended.played, quiz.total, ended.tallies);
  }

  /**
   * Reveals a round if it is still open (whoever gets there first, here or in another process), then
   * asks the next. Never rejects: a failure ends the quiz and is reported through onFailure.
   */
  async reveal(quizId: string, round: number): Promise<void> {
    const { store, stageOf, parseQuestion } = this.options;
    let quiz: QuizGameRecord | undefined;
    try {
      const claimed = await store.claimReveal(quizId, round);
      if (claimed === undefined) return;
      this.#disarm(quizId, round);
      quiz = claimed.quiz;
      this.#carried.add(quizId);
      const question = parseQuestion(claimed.questionJson);
      const answers = claimed.answers.map(({ userId, choice }) => ({
        userId,
        correct: choice === claimed.rightChoice,
      }));
      await this.options.recordRound?.(quiz, round, answers);
      const last = round >= quiz.total;
      const outcome: RoundOutcome = {
        round,
        question,
        right: answers.filter((a) => a.correct).map((a) => a.userId),
        wrong: answers.filter((a) => !a.correct).map((a) => a.userId),
      };
      const stage = stageOf(quiz);
      await stage.reveal(
        outcome,
        claimed.messageId,
        last ? summaryOf(round, quiz.total, claimed.tallies) : undefined,
      );
      if (last) {
        this.#carried.delete(quizId);
        return;
      }
      const next = await store.openRound(quizId, round + 1, this.#deadline(quiz.seconds));
      if (next === undefined) {
        this.#carried.delete(quizId);
        return;
      }
      const nextQuestion = parseQuestion(next.questionJson);
      const messageId = await stage.ask(next.round, nextQuestion);
      if (await store.placeRound(quizId, next.round, messageId)) this.#arm(quizId, next.round, quiz.seconds);
      // Stopped while its question was being posted: the stop could not close it, so close it here.
      else await stage.abandon(next.round, nextQuestion, messageId);
    } catch (error) {
      this.#carried.delete(quizId);
      await store.endQuiz(quizId).catch(() => undefined);
      this.options.onFailure(quiz, error);
    }
  }

  /**
   * Reveals the rounds other processes left open past their deadline (they stopped or died); a quiz
   * whose webhook has expired can no longer speak, and is ended without a word.
   */
  async sweep(): Promise<void> {
    const now = this.options.now();
    for (const overdue of await this.options.store.overdueRounds(now - SWEEP_GRACE_MS, 20)) {
      if (now - overdue.startedAt > WEBHOOK_LIFETIME_MS) await this.options.store.endQuiz(overdue.quizId);
      else await this.reveal(overdue.quizId, overdue.round);
    }
  }

  /**
   * On shutdown. When nobody else shares the store, every quiz carried here ends, its open round
   * closed unrevealed, so no button is left that would answer "ended". When replicas share it, the
   * rounds are left to them: only this process's timers stop.
   */
  async stopAll(): Promise<void> {
    for (const { cancel } of this.#timers.values()) cancel();
    this.#timers.clear();
    if (this.options.store.shared) return;
    await Promise.allSettled([...this.#carried].map((quizId) => this.stop(quizId)));
  }

  #deadline(seconds = this.options.seconds): number {
    return this.options.now() + seconds * 1000;
  }

  #arm(quizId: string, round: number, seconds = this.options.seconds): void {
    this.#disarm(quizId);
    const cancel = this.options.timer.start(seconds * 1000, () => {
      this.#timers.delete(quizId);
      void this.reveal(quizId, round);
    });
    this.#timers.set(quizId, { round, cancel });
  }

  /** Cancels the quiz's local timer: any, or only the one of `round`. */
  #disarm(quizId: string, round?: number): void {
    const timer = this.#timers.get(quizId);
    if (timer === undefined || (round !== undefined && timer.round !== round)) return;
    timer.cancel();
    this.#timers.delete(quizId);
  }
}

/** Most right answers first; fewer answers (the better aim) break a tie. */
export function summaryOf(played: number, total: number, tallies: readonly QuizTally[]): QuizSummary {
  const standings = [...tallies].sort(
    (a, b) => b.right - a.right || a.answered - b.answered || a.userId.localeCompare(b.userId),
  );
  return { played, total, standings };
}
