import type Database from "better-sqlite3";
import type { FeedbackCounts, Gap, Vote } from "../qa-records.ts";
import { toCounts, toGap } from "../rows.ts";

/** Prepared statements over the feedback votes and the log of asked questions. */
export function activityQueries(db: Database.Database) {
  const vote = db.prepare(`
    INSERT INTO feedback (guild_id, result_id, question_key, question, user_id, vote, voted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (guild_id, result_id, question_key, user_id) DO UPDATE SET
      question = excluded.question, vote = excluded.vote, voted_at = excluded.voted_at`);
  const counts = db.prepare<[string, string | null, string | null]>(`
    SELECT COALESCE(SUM(vote = 'up'), 0) AS up, COALESCE(SUM(vote = 'down'), 0) AS down
    FROM feedback WHERE result_id = ? AND (? IS NULL OR guild_id = ?)`);
  const ask = db.prepare(
    "INSERT INTO asked_questions (guild_id, question, question_key, confident, asked_at) VALUES (?, ?, ?, ?, ?)",
  );
  const forgetOldQuestions = db.prepare<[string, string, string, number]>(`
    DELETE FROM asked_questions WHERE guild_id = ? AND (asked_at < ? OR id <= (
      SELECT id FROM asked_questions WHERE guild_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?))`);
  // SQLite fills the bare column `question` from the row holding MAX(at): the latest wording.
  const gaps = db.prepare<[string, string, number]>(`
    WITH signals AS (
      SELECT question_key, question, asked_at AS at, 1 AS unconfident, 0 AS downvote
        FROM asked_questions WHERE guild_id = ? AND confident = 0
      UNION ALL
      SELECT question_key, question, voted_at AS at, 0 AS unconfident, 1 AS downvote
        FROM feedback WHERE guild_id = ? AND vote = 'down'
    )
    SELECT question, MAX(at) AS last_at, SUM(unconfident) AS unconfident, SUM(downvote) AS downvotes
    FROM signals GROUP BY question_key ORDER BY last_at DESC, question_key LIMIT ?`);

  return {
    vote(
      guildId: string,
      resultId: string,
      question: { text: string; key: string },
      choice: Vote,
      userId: string,
      at: string,
    ): void {
      vote.run(guildId, resultId, question.key, question.text, userId, choice, at);
    },
    counts(resultId: string, guildId?: string): FeedbackCounts {
      return toCounts(counts.get(resultId, guildId ?? null, guildId ?? null));
    },
    ask(guildId: string, question: { text: string; key: string }, confident: boolean, at: string): void {
      ask.run(guildId, question.text, question.key, confident ? 1 : 0, at);
    },
    /** Keeps a server's newest `keep` questions, none asked before `since`. */
    forgetOldQuestions(guildId: string, since: string, keep: number): void {
      forgetOldQuestions.run(guildId, since, guildId, keep);
    },
    gaps(guildId: string, limit: number): Gap[] {
      return gaps.all(guildId, guildId, limit).map(toGap);
    },
  };
}

export type ActivityQueries = ReturnType<typeof activityQueries>;
