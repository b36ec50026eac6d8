import type { QuizStanding } from "../store/quiz-scores.ts";
import type { QuizQuestion } from "./question-kinds.ts";

/**
 * One running quiz, whatever carries it: rounds in order, one answer per member per round, the round
 * closed by a timer, the scores recorded before the reveal is shown. The front end is a QuizStage;
 * time is a QuizTimer, so tests end rounds by firing the timer rather than by waiting.
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

/** What a front end does at each step. A rejection ends the quiz (the game reports it through onFailure). */
export interface QuizStage {
  ask(round: number, question: QuizQuestion): Promise<void>;
  /** The round is over: show the answer and who got it; `summary` is set after the last round. */
  reveal(outcome: RoundOutcome, summary: QuizSummary | undefined): Promise<void>;
  /** A stopped quiz: the open round ends unrevealed. */
  abandon(round: number, question: QuizQuestion): Promise<void>;
}

export interface QuizGameOptions {
  id: string;
  questions: readonly QuizQuestion[];
  seconds: number;
  timer: QuizTimer;
  stage: QuizStage;
  /** Writes a revealed round's answers; absent when nothing is kept (no data folder). */
  recordRound?: (round: number, answers: Array<{ userId: string; correct: boolean }>) => Promise<void>;
  /** After the last round, a stop or a failure. */
  onOver: (failure?: unknown) => void;
}

export type AnswerVerdict =
  | { counted: true; choice: number }
  | { counted: false; reason: "closed" | "again"; choice?: number };

export class QuizGame {
  readonly id: string;
  #round = 0;
  #open = false;
  #over = false;
  #finished = false;
  #answers = new Map<string, number>();
  #tally = new Map<string, QuizStanding>();
  #cancelTimer: (() => void) | undefined;
  /** Steps run one after another: a stop never lands in the middle of a reveal. */
  #steps: Promise<void> = Promise.resolve();

  constructor(private readonly options: QuizGameOptions) {
    this.id = options.id;
  }

  get round(): number {
    return this.#round;
  }

  get total(): number {
    return this.options.questions.length;
  }

  /** Asks the first question; rejects (and ends the quiz) when the stage cannot show it. */
  start(): Promise<void> {
    return this.#step(() => this.#ask(1), true);
  }

  /** Counts a member's first answer to the open round; a later one, or one after the round closed, is refused. */
  answer(userId: string, round: number, choice: number): AnswerVerdict {
    if (!this.#open || round !== this.#round || this.#over) return { counted: false, reason: "closed" };
    const earlier = this.#answers.get(userId);
    if (earlier !== undefined) return { counted: false, reason: "again", choice: earlier };
    this.#answers.set(userId, choice);
    return { counted: true, choice };
  }

  /** Ends the quiz early; the open round is not revealed or scored. Undefined when it had already ended. */
  stop(): Promise<QuizSummary | undefined> {
    let summary: QuizSummary | undefined;
    const stopping = this.#step(async () => {
      if (this.#over) return;
      const question = this.#open ? this.options.questions[this.#round - 1] : undefined;
      this.#close();
      this.#over = true;
      summary = this.#summary(this.#round - 1);
      let failure: unknown;
      if (question !== undefined) {
        await this.options.stage.abandon(this.#round, question).catch((error: unknown) => {
          failure = error;
        });
      }
      this.#finish(failure);
    }, false);
    return stopping.then(() => summary);
  }

  #ask(round: number): Promise<void> {
    const question = this.options.questions[round - 1];
    if (question === undefined) return Promise.resolve();
    this.#round = round;
    this.#answers = new Map();
    return this.options.stage.ask(round, question).then(() => {
      if (this.#over) return;
      this.#open = true;
      this.#cancelTimer = this.options.timer.start(this.options.seconds * 1000, () => {
        void this.#step(() => this.#endRound(), false);
      });
    });
  }

  async #endRound(): Promise<void> {
    const question = this.options.questions[this.#round - 1];
    if (!this.#open || this.#over || question === undefined) return;
    this.#close();
    const answers = [...this.#answers].map(([userId, choice]) => ({
      userId,
      correct: choice === question.answer,
    }));
    await this.options.recordRound?.(this.#round, answers);
    for (const { userId, correct } of answers) {
      const standing = this.#tally.get(userId) ?? { userId, right: 0, answered: 0 };
      this.#tally.set(userId, {
        userId,
        right: standing.right + (correct ? 1 : 0),
        answered: standing.answered + 1,
      });
    }
    const outcome: RoundOutcome = {
      round: this.#round,
      question,
      right: answers.filter((a) => a.correct).map((a) => a.userId),
      wrong: answers.filter((a) => !a.correct).map((a) => a.userId),
    };
    const last = this.#round === this.total;
    if (last) this.#over = true;
    await this.options.stage.reveal(outcome, last ? this.#summary(this.#round) : undefined);
    if (last) this.#finish();
    else await this.#ask(this.#round + 1);
  }

  #close(): void {
    this.#open = false;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  /** The quiz is over: reported once, whether it ended, was stopped or failed. */
  #finish(failure?: unknown): void {
    this.#close();
    this.#over = true;
    if (this.#finished) return;
    this.#finished = true;
    this.options.onOver(failure);
  }

  #summary(played: number): QuizSummary {
    const standings = [...this.#tally.values()].sort(
      (a, b) => b.right - a.right || a.answered - b.answered || a.userId.localeCompare(b.userId),
    );
    return { played, total: this.total, standings };
  }

  /**
   * Runs a step after the ones before it. A failing step ends the quiz and reports the failure;
   * `rethrow` passes it on to the caller too (the command that started the quiz answers with it).
   */
  #step(run: () => Promise<void>, rethrow: boolean): Promise<void> {
    const step = this.#steps.then(run).catch((error: unknown) => {
      this.#finish(error);
      if (rethrow) throw error;
    });
    this.#steps = step.catch(() => {});
    return step;
  }
}
