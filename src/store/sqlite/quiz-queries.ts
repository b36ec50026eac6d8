import type Database from "better-sqlite3";
import { z } from "zod";
import type { QuizRank, QuizRoundRecord, QuizStanding } from "../quiz-scores.ts";

const standingRowSchema = z.object({ user_id: z.string(), right_answers: z.number(), answered: z.number() });
const rankRowSchema = standingRowSchema.extend({ rank: z.number(), players: z.number() });

// Ranked by right answers, then by fewer answers (the better aim); the id only fixes the order of ties.
const TALLIES = `
  SELECT user_id, SUM(correct) AS right_answers, COUNT(*) AS answered
  FROM quiz_answers WHERE guild_id = ? AND answered_at >= ? GROUP BY user_id`;

/** Prepared statements over quiz_answers. `since` is an ISO time; "" means since ever. */
export function quizQueries(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO quiz_answers (guild_id, quiz_id, round, user_id, correct, answered_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const leaders = db.prepare<[string, string, number]>(
    `${TALLIES} ORDER BY right_answers DESC, answered ASC, user_id LIMIT ?`,
  );
  const rank = db.prepare<[string, string, string]>(`
    WITH tallies AS (${TALLIES})
    SELECT me.user_id, me.right_answers, me.answered,
      1 + (SELECT COUNT(*) FROM tallies t
           WHERE t.right_answers > me.right_answers OR (t.right_answers = me.right_answers AND t.answered < me.answered)) AS rank,
      (SELECT COUNT(*) FROM tallies) AS players
    FROM tallies me WHERE me.user_id = ?`);

  const standing = (row: z.infer<typeof standingRowSchema>): QuizStanding => ({
    userId: row.user_id,
    right: row.right_answers,
    answered: row.answered,
  });
  return {
    record(guildId: string, round: QuizRoundRecord, at: string): void {
      for (const answer of round.answers) {
        insert.run(guildId, round.quizId, round.round, answer.userId, answer.correct ? 1 : 0, at);
      }
    },
    leaderboard(guildId: string, since: string, limit: number): QuizStanding[] {
      return leaders.all(guildId, since, limit).map((row) => standing(standingRowSchema.parse(row)));
    },
    rank(guildId: string, userId: string, since: string): QuizRank | undefined {
      const row = rank.get(guildId, since, userId);
      if (row === undefined) return undefined;
      const parsed = rankRowSchema.parse(row);
      return { ...standing(parsed), rank: parsed.rank, players: parsed.players };
    },
  };
}

export type QuizQueries = ReturnType<typeof quizQueries>;
