import { z } from "zod";
import type { FeedbackCounts, Gap, Vote } from "../qa-records.ts";
import type { LoggedQuestion } from "../question-log.ts";
import type { QuizRank, QuizRoundRecord, QuizStanding } from "../quiz-scores.ts";
import { toCounts, toGap } from "../rows.ts";
import type { Queryable } from "./entry-queries.ts";

const standingRowSchema = z.object({ user_id: z.string(), right_answers: z.number(), answered: z.number() });
const rankRowSchema = standingRowSchema.extend({ rank: z.number(), players: z.number() });

// Ranked by right answers, then by fewer answers (the better aim); the id only fixes the order of ties.
const TALLIES = `
  SELECT user_id, (COUNT(*) FILTER (WHERE correct))::int AS right_answers, COUNT(*)::int AS answered
  FROM quiz_answers WHERE guild_id = $1 AND answered_at COLLATE "C" >= $2 GROUP BY user_id`;

const standing = (row: z.infer<typeof standingRowSchema>): QuizStanding => ({
  userId: row.user_id,
  right: row.right_answers,
  answered: row.answered,
});

/**
 * The same queries as sqlite/sqlite-activity-queries.ts and sqlite/quiz-queries.ts: feedback votes, the log
 * of asked questions and quiz answers. Text is ordered with COLLATE "C", byte order as on SQLite, so
 * ties break the same way whatever the database's locale.
 */
export const activityQueries = {
  async vote(
    db: Queryable,
    guildId: string,
    resultId: string,
    question: { text: string; key: string },
    choice: Vote,
    userId: string,
    at: string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO feedback (guild_id, result_id, question_key, question, user_id, vote, voted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (guild_id, result_id, question_key, user_id) DO UPDATE SET
         question = excluded.question, vote = excluded.vote, voted_at = excluded.voted_at`,
      [guildId, resultId, question.key, question.text, userId, choice, at],
    );
  },

  async counts(db: Queryable, resultId: string, guildId?: string): Promise<FeedbackCounts> {
    const { rows } = await db.query(
      `SELECT (COUNT(*) FILTER (WHERE vote = 'up'))::int AS up, (COUNT(*) FILTER (WHERE vote = 'down'))::int AS down
       FROM feedback WHERE result_id = $1 AND ($2::text IS NULL OR guild_id = $2)`,
      [resultId, guildId ?? null],
    );
    return toCounts(rows[0]);
  },

  /** A batch of asked questions, in one statement; ids keep the order they were asked in. */
  async ask(db: Queryable, batch: readonly LoggedQuestion[]): Promise<void> {
    const values: unknown[] = [];
    const tuples = batch.map(({ guildId, question, confident, at }) => {
      values.push(guildId, question.text, question.key, confident, at);
      const n = values.length;
      return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    if (tuples.length === 0) return;
    await db.query(
      `INSERT INTO asked_questions (guild_id, question, question_key, confident, asked_at) VALUES ${tuples.join(", ")}`,
      values,
    );
  },

  /** Keeps a server's newest `keep` questions, none asked before `since` (sqlite/activity-queries.ts). */
  async forgetOldQuestions(db: Queryable, guildId: string, since: string, keep: number): Promise<void> {
    await db.query(
      `DELETE FROM asked_questions WHERE guild_id = $1 AND (asked_at COLLATE "C" < $2 OR id <= (
         SELECT id FROM asked_questions WHERE guild_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $3))`,
      [guildId, since, keep],
    );
  },

  /** The wording shown is the latest one of each folded question, as SQLite's bare column gives it. */
  async gaps(db: Queryable, guildId: string, limit: number): Promise<Gap[]> {
    const { rows } = await db.query(
      `WITH signals AS (
         SELECT question_key, question, asked_at AS at, 1 AS unconfident, 0 AS downvote
           FROM asked_questions WHERE guild_id = $1 AND NOT confident
         UNION ALL
         SELECT question_key, question, voted_at AS at, 0 AS unconfident, 1 AS downvote
           FROM feedback WHERE guild_id = $1 AND vote = 'down'
       )
       SELECT (array_agg(question ORDER BY at COLLATE "C" DESC))[1] AS question, MAX(at COLLATE "C") AS last_at,
         SUM(unconfident)::int AS unconfident, SUM(downvote)::int AS downvotes
       FROM signals GROUP BY question_key
       ORDER BY last_at DESC, question_key COLLATE "C" LIMIT $2`,
      [guildId, limit],
    );
    return rows.map(toGap);
  },

  async recordQuizRound(db: Queryable, guildId: string, round: QuizRoundRecord, at: string): Promise<void> {
    if (round.answers.length === 0) return;
    const values: unknown[] = [guildId, round.quizId, round.round, at];
    const tuples = round.answers.map((answer) => {
      values.push(answer.userId, answer.correct);
      return `($1, $2, $3, $${values.length - 1}, $${values.length}, $4)`;
    });
    await db.query(
      `INSERT INTO quiz_answers (guild_id, quiz_id, round, user_id, correct, answered_at)
       VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING`,
      values,
    );
  },

  async leaderboard(db: Queryable, guildId: string, since: string, limit: number): Promise<QuizStanding[]> {
    const { rows } = await db.query(
      `${TALLIES} ORDER BY right_answers DESC, answered ASC, user_id COLLATE "C" LIMIT $3`,
      [guildId, since, limit],
    );
    return rows.map((row) => standing(standingRowSchema.parse(row)));
  },

  async rank(db: Queryable, guildId: string, userId: string, since: string): Promise<QuizRank | undefined> {
    const { rows } = await db.query(
      `WITH tallies AS (${TALLIES})
       SELECT me.user_id, me.right_answers, me.answered,
         (1 + (SELECT COUNT(*) FROM tallies t
               WHERE t.right_answers > me.right_answers
                  OR (t.right_answers = me.right_answers AND t.answered < me.answered)))::int AS rank,
         (SELECT COUNT(*) FROM tallies)::int AS players
       FROM tallies me WHERE me.user_id = $3`,
      [guildId, since, userId],
    );
    if (rows[0] === undefined) return undefined;
    const parsed = rankRowSchema.parse(rows[0]);
    return { ...standing(parsed), rank: parsed.rank, players: parsed.players };
  },
};
