import { z } from "zod";

/**
 * The state of running quizzes, in the store so that any process sharing it can carry a quiz on: a
 * click reaching another replica counts, and a replica that sees a round past its deadline reveals
 * it when the one that asked it is gone. Every change that must happen once is one conditional
 * write (a unique key for "one answer per member", a round moved out of 'open' for its reveal), so
 * two replicas racing never both win. Questions are JSON text the quiz checks when it reads them
 * back; times are milliseconds since 1970 by the bot's clock.
 */
export interface QuizRoundStore {
  /**
   * True when other processes may run quizzes on the same state (replicas on Postgres): a round left
   * open past its deadline is theirs to reveal. Otherwise a quiz lives as long as its process.
   */
  readonly shared: boolean;
  /**
   * Saves a quiz with all its rounds and opens the first, unless a quiz is already running in the
   * channel (false). Forgets quizzes started more than a day before.
   */
  startQuiz(quiz: QuizGameRecord, rounds: readonly QuizRoundPlan[], firstDeadline: number): Promise<boolean>;
  /** Opens the next round of a running quiz; undefined when the quiz has ended meanwhile. */
  openRound(quizId: string, round: number, deadline: number): Promise<OpenedRound | undefined>;
  /** Where the open round's question was posted; false when the round closed meanwhile (a stop). */
  placeRound(quizId: string, round: number, messageId: string): Promise<boolean>;
  /** Counts a member's first answer to an open round before its deadline. */
  answerRound(answer: QuizAnswer): Promise<QuizAnswerVerdict>;
  /**
   * Closes an open round for its reveal, with its answers and the quiz's standings so far; the last
   * round ends the quiz. Undefined when it was not open: revealed by someone else, or stopped.
   */
  claimReveal(quizId: string, round: number): Promise<ClaimedRound | undefined>;
  /** Open rounds of running quizzes whose deadline is at or before `before`, earliest first. */
  overdueRounds(before: number, limit: number): Promise<OverdueRound[]>;
  /** Ends a running quiz, its open round unrevealed; undefined when it had already ended. */
  endQuiz(quizId: string): Promise<EndedQuiz | undefined>;
  /** Ends every running quiz: for a process that starts on state nobody else shares. */
  endAllQuizzes(): Promise<void>;
  /** The quiz running in a channel, if any. */
  runningQuiz(channelId: string): Promise<QuizGameRecord | undefined>;
}

const id = z.string().min(1).max(100);
const round = z.number().int().min(1).max(100);
const instant = z.number().int().min(0);

export const quizGameRecordSchema = z.strictObject({
  quizId: id,
  guildId: id,
  channelId: id,
  starterId: id,
  applicationId: id,
  /** The starting interaction's token: its webhook speaks in the channel for 15 minutes. */
  token: z.string().min(1).max(500),
  seed: z.number().int().min(0),
  total: round,
  seconds: z.number().int().min(1).max(3600),
  startedAt: instant,
});
export type QuizGameRecord = z.infer<typeof quizGameRecordSchema>;

export const quizRoundPlanSchema = z.strictObject({
  round,
  questionJson: z.string().min(2).max(100_000),
  rightChoice: z.number().int().min(0).max(9),
});
export type QuizRoundPlan = z.infer<typeof quizRoundPlanSchema>;

export const quizAnswerSchema = z.strictObject({
  quizId: id,
  round,
  userId: id,
  choice: z.number().int().min(0).max(9),
  at: instant,
});
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

export const deadlineSchema = instant;

export type QuizAnswerVerdict =
  | { counted: true; choice: number }
  | { counted: false; reason: "again"; choice: number }
  /** The round is over; `overdue`: still open, but past its deadline, and not yet revealed. */
  | { counted: false; reason: "closed"; overdue: boolean }
  /** No such quiz is running: it ended, or was never this bot's. */
  | { counted: false; reason: "ended" };

export interface OpenedRound {
  round: number;
  questionJson: string;
}

export interface QuizTally {
  userId: string;
  right: number;
  answered: number;
}

export interface ClaimedRound {
  quiz: QuizGameRecord;
  round: number;
  questionJson: string;
  rightChoice: number;
  /** Where its question is; undefined when it was never posted. */
  messageId: string | undefined;
  /** In the order they came. */
  answers: Array<{ userId: string; choice: number }>;
  /** Every revealed round's answers (this one's included), per member, in no particular order. */
  tallies: QuizTally[];
}

export interface OverdueRound {
  quizId: string;
  round: number;
  startedAt: number;
}

export interface EndedQuiz {
  quiz: QuizGameRecord;
  /** Rounds revealed. */
  played: number;
  tallies: QuizTally[];
  /** The round that was open, now closed unrevealed. */
  open?: { round: number; questionJson: string; messageId: string | undefined };
}

/** Rows as both engines return them, before they become the shapes above. */
export const gameRowSchema = z.object({
  quiz_id: z.string(),
  guild_id: z.string(),
  channel_id: z.string(),
  starter_id: z.string(),
  application_id: z.string(),
  token: z.string(),
  seed: z.coerce.number(),
  total: z.coerce.number(),
  seconds: z.coerce.number(),
  started_at: z.coerce.number(),
});

export function toGameRecord(row: unknown): QuizGameRecord {
  const parsed = gameRowSchema.parse(row);
  return {
    quizId: parsed.quiz_id,
    guildId: parsed.guild_id,
    channelId: parsed.channel_id,
    starterId: parsed.starter_id,
    applicationId: parsed.application_id,
    token: parsed.token,
    seed: parsed.seed,
    total: parsed.total,
    seconds: parsed.seconds,
    startedAt: parsed.started_at,
  };
}

export const roundRowSchema = z.object({
  round: z.coerce.number(),
  question_json: z.string(),
  right_choice: z.coerce.number(),
  message_id: z.string().nullable(),
});
export const answerRowSchema = z.object({ user_id: z.string(), choice: z.coerce.number() });
export const tallyRowSchema = z.object({
  user_id: z.string(),
  right_answers: z.coerce.number(),
  answered: z.coerce.number(),
});
export const overdueRowSchema = z.object({
  quiz_id: z.string(),
  round: z.coerce.number(),
  started_at: z.coerce.number(),
});

const roundStateRowSchema = z.object({
  state: z.string(),
  deadline: z.coerce.number().nullable(),
  running: z.union([z.boolean(), z.number()]).transform((running) => running === true || running === 1),
});

/**
 * Why a round takes no answer, read from its row (undefined: it takes one): its quiz is not running,
 * the round is not open, or it is past its deadline (`overdue`: whoever asked it has not revealed it
 * yet). Both engines decide it here.
 */
export function refusedAnswer(row: unknown, at: number): QuizAnswerVerdict | undefined {
  if (row === undefined) return { counted: false, reason: "ended" };
  const { state, deadline, running } = roundStateRowSchema.parse(row);
  if (!running) return { counted: false, reason: "ended" };
  if (state !== "open") return { counted: false, reason: "closed", overdue: false };
  if (deadline !== null && at >= deadline) return { counted: false, reason: "closed", overdue: true };
  return undefined;
}

export const toTally = (row: unknown): QuizTally => {
  const parsed = tallyRowSchema.parse(row);
  return { userId: parsed.user_id, right: parsed.right_answers, answered: parsed.answered };
};

export const toAnswer = (row: unknown) => {
  const parsed = answerRowSchema.parse(row);
  return { userId: parsed.user_id, choice: parsed.choice };
};

export const toOverdue = (row: unknown): OverdueRound => {
  const parsed = overdueRowSchema.parse(row);
  return { quizId: parsed.quiz_id, round: parsed.round, startedAt: parsed.started_at };
};

/** The columns of a quiz game both engines read and write: those of its row. */
export const QUIZ_GAME_COLUMNS = Object.keys(gameRowSchema.shape).join(", ");

/** Quizzes end within Discord's 15 minutes; a day later their rows are of no use to anyone. */
export const QUIZ_KEPT_MS = 24 * 60 * 60_000;
