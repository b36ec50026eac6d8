import type pg from "pg";
import {
  type ClaimedRound,
  deadlineSchema,
  type EndedQuiz,
  type OpenedRound,
  type OverdueRound,
  QUIZ_GAME_COLUMNS,
  QUIZ_KEPT_MS,
  type QuizAnswer,
  type QuizAnswerVerdict,
  type QuizGameRecord,
  type QuizRoundPlan,
  type QuizRoundStore,
  quizAnswerSchema,
  quizGameRecordSchema,
  quizRoundPlanSchema,
  refusedAnswer,
  roundRowSchema,
  toAnswer,
  toGameRecord,
  toOverdue,
  toTally,
} from "../quiz-rounds.ts";
import type { Queryable } from "./entry-queries.ts";

const ROUND_COLUMNS = "round, question_json, right_choice, message_id";

/** The store's own ways in: a read on the pool, a transaction on one connection (postgres-qa-store.ts). */
export interface PostgresAccess {
  read<T>(work: (db: Queryable) => Promise<T>): Promise<T>;
  write<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T>;
}

async function tallies(db: Queryable, quizId: string) {
  const { rows } = await db.query(
    `SELECT a.user_id, SUM(CASE WHEN a.choice = r.right_choice THEN 1 ELSE 0 END)::int AS right_answers,
       COUNT(*)::int AS answered
     FROM quiz_round_answers a JOIN quiz_rounds r ON r.quiz_id = a.quiz_id AND r.round = a.round
     WHERE a.quiz_id = $1 AND r.state = 'revealed' GROUP BY a.user_id`,
    [quizId],
  );
  return rows.map(toTally);
}

async function game(db: Queryable, quizId: string): Promise<QuizGameRecord> {
  const { rows } = await db.query(`SELECT ${QUIZ_GAME_COLUMNS} FROM quiz_games WHERE quiz_id = $1`, [quizId]);
  return toGameRecord(rows[0]);
}

/**
 * Quiz rounds on Postgres, shared by replicas (see ../quiz-rounds.ts). The moves that must happen
 * once are single conditional statements: Postgres re-checks `state = 'open'` on the row it locked,
 * so of two replicas claiming one reveal, the second finds it revealed. An answer holds the round's
 * row shared until it commits, so a reveal waits for answers already being written and sees them.
 */
export class PostgresQuizRounds implements QuizRoundStore {
  readonly shared = true;

  constructor(private readonly access: PostgresAccess) {}

  async startQuiz(
    quiz: QuizGameRecord,
    rounds: readonly QuizRoundPlan[],
    firstDeadline: number,
  ): Promise<boolean> {
    const g = quizGameRecordSchema.parse(quiz);
    const plans = rounds.map((plan) => quizRoundPlanSchema.parse(plan));
    const deadline = deadlineSchema.parse(firstDeadline);
    return this.access.write(async (db) => {
      const old = "SELECT quiz_id FROM quiz_games WHERE started_at < $1";
      const since = [g.startedAt - QUIZ_KEPT_MS];
      await db.query(`DELETE FROM quiz_round_answers WHERE quiz_id IN (${old})`, since);
      await db.query(`DELETE FROM quiz_rounds WHERE quiz_id IN (${old})`, since);
      await db.query(`DELETE FROM quiz_games WHERE started_at < $1`, since);
      const inserted = await db.query(
        `INSERT INTO quiz_games (${QUIZ_GAME_COLUMNS}, running) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, TRUE)
         ON CONFLICT DO NOTHING`,
        [
          g.quizId,
          g.guildId,
          g.channelId,
          g.starterId,
          g.applicationId,
          g.token,
          g.seed,
          g.total,
          g.seconds,
          g.startedAt,
        ],
      );
      if (inserted.rowCount !== 1) return false;
      for (const plan of plans) {
        await db.query(
          "INSERT INTO quiz_rounds (quiz_id, round, question_json, right_choice, state, deadline) VALUES ($1, $2, $3, $4, $5, $6)",
          [
            g.quizId,
            plan.round,
            plan.questionJson,
            plan.rightChoice,
            plan.round === 1 ? "open" : "waiting",
            plan.round === 1 ? deadline : null,
          ],
        );
      }
      return true;
    });
  }

  async openRound(quizId: string, round: number, deadline: number): Promise<OpenedRound | undefined> {
    const { rows } = await this.access.read((db) =>
      db.query(
        `UPDATE quiz_rounds SET state = 'open', deadline = $1
         WHERE quiz_id = $2 AND round = $3 AND state = 'waiting'
           AND EXISTS (SELECT 1 FROM quiz_games g WHERE g.quiz_id = quiz_rounds.quiz_id AND g.running)
         RETURNING ${ROUND_COLUMNS}`,
        [deadlineSchema.parse(deadline), quizId, round],
      ),
    );
    if (rows[0] === undefined) return undefined;
    const parsed = roundRowSchema.parse(rows[0]);
    return { round: parsed.round, questionJson: parsed.question_json };
  }

  async placeRound(quizId: string, round: number, messageId: string): Promise<boolean> {
    const { rowCount } = await this.access.read((db) =>
      db.query(
        "UPDATE quiz_rounds SET message_id = $1 WHERE quiz_id = $2 AND round = $3 AND state = 'open'",
        [messageId, quizId, round],
      ),
    );
    return rowCount === 1;
  }

  async answerRound(answer: QuizAnswer): Promise<QuizAnswerVerdict> {
    const { quizId, round, userId, choice, at } = quizAnswerSchema.parse(answer);
    return this.access.write(async (db): Promise<QuizAnswerVerdict> => {
      const { rows } = await db.query(
        `SELECT r.state, r.deadline, g.running FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id
         WHERE r.quiz_id = $1 AND r.round = $2 FOR SHARE OF r`,
        [quizId, round],
      );
      const refused = refusedAnswer(rows[0], at);
      if (refused !== undefined) return refused;
      const inserted = await db.query(
        `INSERT INTO quiz_round_answers (quiz_id, round, user_id, choice) VALUES ($1, $2, $3, $4)
         ON CONFLICT (quiz_id, round, user_id) DO NOTHING`,
        [quizId, round, userId, choice],
      );
      if (inserted.rowCount === 1) return { counted: true, choice };
      const earlier = await db.query(
        "SELECT user_id, choice FROM quiz_round_answers WHERE quiz_id = $1 AND round = $2 AND user_id = $3",
        [quizId, round, userId],
      );
      return { counted: false, reason: "again", choice: toAnswer(earlier.rows[0]).choice };
    });
  }

  async claimReveal(quizId: string, round: number): Promise<ClaimedRound | undefined> {
    return this.access.write(async (db) => {
      const claimed = await db.query(
        `UPDATE quiz_rounds SET state = 'revealed' WHERE quiz_id = $1 AND round = $2 AND state = 'open'
         RETURNING ${ROUND_COLUMNS}`,
        [quizId, round],
      );
      if (claimed.rows[0] === undefined) return undefined;
      const row = roundRowSchema.parse(claimed.rows[0]);
      const quiz = await game(db, quizId);
      if (row.round >= quiz.total) {
        await db.query("UPDATE quiz_games SET running = FALSE WHERE quiz_id = $1", [quizId]);
      }
      // A statement of its own, after the claim: it sees every answer committed before the claim's lock.
      const answers = await db.query(
        "SELECT user_id, choice FROM quiz_round_answers WHERE quiz_id = $1 AND round = $2 ORDER BY id",
        [quizId, round],
      );
      return {
        quiz,
        round: row.round,
        questionJson: row.question_json,
        rightChoice: row.right_choice,
        messageId: row.message_id ?? undefined,
        answers: answers.rows.map(toAnswer),
        tallies: await tallies(db, quizId),
      };
    });
  }

  async overdueRounds(before: number, limit: number): Promise<OverdueRound[]> {
    const { rows } = await this.access.read((db) =>
      db.query(
        `SELECT r.quiz_id, r.round, g.started_at FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id
         WHERE r.state = 'open' AND r.deadline <= $1 AND g.running ORDER BY r.deadline LIMIT $2`,
        [before, limit],
      ),
    );
    return rows.map(toOverdue);
  }

  async endQuiz(quizId: string): Promise<EndedQuiz | undefined> {
    return this.access.write(async (db) => {
      const open = await db.query(
        `UPDATE quiz_rounds SET state = 'abandoned' WHERE quiz_id = $1 AND state = 'open'
         RETURNING ${ROUND_COLUMNS}`,
        [quizId],
      );
      const ended = await db.query("UPDATE quiz_games SET running = FALSE WHERE quiz_id = $1 AND running", [
        quizId,
      ]);
      if (ended.rowCount !== 1) return undefined;
      const played = await db.query<{ n: number }>(
        "SELECT COUNT(*)::int AS n FROM quiz_rounds WHERE quiz_id = $1 AND state = 'revealed'",
        [quizId],
      );
      const row = open.rows[0] === undefined ? undefined : roundRowSchema.parse(open.rows[0]);
      return {
        quiz: await game(db, quizId),
        played: played.rows[0]?.n ?? 0,
        tallies: await tallies(db, quizId),
        ...(row === undefined
          ? {}
          : {
              open: {
                round: row.round,
                questionJson: row.question_json,
                messageId: row.message_id ?? undefined,
              },
            }),
      };
    });
  }

  async endAllQuizzes(): Promise<void> {
    return this.access.write(async (db) => {
      await db.query(
        `UPDATE quiz_rounds SET state = 'abandoned' WHERE state = 'open'
           AND quiz_id IN (SELECT quiz_id FROM quiz_games WHERE running)`,
      );
      await db.query("UPDATE quiz_games SET running = FALSE WHERE running");
    });
  }

  async runningQuiz(channelId: string): Promise<QuizGameRecord | undefined> {
    const { rows } = await this.access.read((db) =>
      db.query(`SELECT ${QUIZ_GAME_COLUMNS} FROM quiz_games WHERE channel_id = $1 AND running`, [channelId]),
    );
    return rows[0] === undefined ? undefined : toGameRecord(rows[0]);
  }
}
