import { z } from "zod";

/**
 * Quiz scores, per server: each answered round is kept as one row per member (right or wrong), so
 * both the all-time and the last-7-days leaderboards are sums over the same rows. Part of the store
 * interface (QaStore extends it), so a server database implements it beside the moderators' entries.
 */
export interface QuizScoreStore {
  /**
   * The answers of one round, at the reveal, in one transaction. Recording the same round again
   * changes nothing, so a retried write never counts twice.
   */
  recordQuizRound(guildId: string, round: QuizRoundRecord): Promise<void>;
  /** The best members, most right answers first (fewer answers break a tie), since `days` ago or ever. */
  quizLeaderboard(guildId: string, options: { days?: number; limit: number }): Promise<QuizStanding[]>;
  /** One member's tally and rank, since `days` ago or ever; undefined when they never answered. */
  quizRecord(guildId: string, userId: string, options: { days?: number }): Promise<QuizRank | undefined>;
}

const id = z.string().min(1).max(100);

export const quizRoundRecordSchema = z.strictObject({
  quizId: id,
  round: z.number().int().min(1).max(100),
  answers: z.array(z.strictObject({ userId: id, correct: z.boolean() })).max(10_000),
});
export type QuizRoundRecord = z.infer<typeof quizRoundRecordSchema>;

export interface QuizStanding {
  userId: string;
  right: number;
  answered: number;
}

export interface QuizRank extends QuizStanding {
  /** 1 for the best; members with the same tally share a rank. */
  rank: number;
  /** How many members answered in the period. */
  players: number;
}

export const quizPeriodSchema = z.strictObject({
  days: z.number().int().min(1).max(3650).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
