import Database from "better-sqlite3";
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
import { MIGRATIONS, migrate } from "./sqlite-migrations.ts";

/**
 * Quiz rounds on SQLite: in the bot's database file, or in memory for a bot without a data folder.
 * One process writes at a time (IMMEDIATE transactions), so each change is atomic as it stands.
 */
export class SqliteQuizRounds implements QuizRoundStore {
  readonly shared = false;
  readonly #statements;

  constructor(private readonly db: Database.Database) {
    const tallies = db.prepare<[string]>(`
      SELECT a.user_id, SUM(a.choice = r.right_choice) AS right_answers, COUNT(*) AS answered
      FROM quiz_round_answers a JOIN quiz_rounds r ON r.quiz_id = a.quiz_id AND r.round = a.round
      WHERE a.quiz_id = ? AND r.state = 'revealed' GROUP BY a.user_id`);
    this.#statements = {
      forget: db.prepare<[number], { quiz_id: string }>(
        "SELECT quiz_id FROM quiz_games WHERE started_at < ?",
      ),
      forgetGame: db.prepare<[string]>("DELETE FROM quiz_games WHERE quiz_id = ?"),
      forgetRounds: db.prepare<[string]>("DELETE FROM quiz_rounds WHERE quiz_id = ?"),
      forgetAnswers: db.prepare<[string]>("DELETE FROM quiz_round_answers WHERE quiz_id = ?"),
      insertGame: db.prepare(`
        INSERT INTO quiz_games (${QUIZ_GAME_COLUMNS}, running) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        ON CONFLICT DO NOTHING`),
      insertRound: db.prepare(
        "INSERT INTO quiz_rounds (quiz_id, round, question_json, right_choice, state) VALUES (?, ?, ?, ?, 'waiting')",
      ),
      open: db.prepare<[number, string, number]>(`
        UPDATE quiz_rounds SET state = 'open', deadline = ?
        WHERE quiz_id = ? AND round = ? AND state = 'waiting'
          AND EXISTS (SELECT 1 FROM quiz_games g WHERE g.quiz_id = quiz_rounds.quiz_id AND g.running = 1)
        RETURNING round, question_json, right_choice, message_id`),
      place: db.prepare<[string, string, number]>(
        "UPDATE quiz_rounds SET message_id = ? WHERE quiz_id = ? AND round = ? AND state = 'open'",
      ),
      round: db.prepare<[string, number]>(`
        SELECT r.state, r.deadline, g.running FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id
        WHERE r.quiz_id = ? AND r.round = ?`),
      answer: db.prepare(
        "INSERT INTO quiz_round_answers (quiz_id, round, user_id, choice) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
      ),
      earlier: db.prepare<[string, number, string], { choice: number }>(
        "SELECT choice FROM quiz_round_answers WHERE quiz_id = ? AND round = ? AND user_id = ?",
      ),
      claim: db.prepare<[string, number]>(`
        UPDATE quiz_rounds SET state = 'revealed' WHERE quiz_id = ? AND round = ? AND state = 'open'
        RETURNING round, question_json, right_choice, message_id`),
      game: db.prepare<[string]>(`SELECT ${QUIZ_GAME_COLUMNS} FROM quiz_games WHERE quiz_id = ?`),
      finish: db.prepare<[string]>("UPDATE quiz_games SET running = 0 WHERE quiz_id = ? AND running = 1"),
      answers: db.prepare<[string, number]>(
        "SELECT user_id, choice FROM quiz_round_answers WHERE quiz_id = ? AND round = ? ORDER BY id",
      ),
      tallies,
      overdue: db.prepare<[number, number]>(`
        SELECT r.quiz_id, r.round, g.started_at FROM quiz_rounds r JOIN quiz_games g ON g.quiz_id = r.quiz_id
        WHERE r.state = 'open' AND r.deadline <= ? AND g.running = 1 ORDER BY r.deadline LIMIT ?`),
      abandon: db.prepare<[string]>(`
        UPDATE quiz_rounds SET state = 'abandoned' WHERE quiz_id = ? AND state = 'open'
        RETURNING round, question_json, right_choice, message_id`),
      played: db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM quiz_rounds WHERE quiz_id = ? AND state = 'revealed'",
      ),
      endAllRounds: db.prepare(`
        UPDATE quiz_rounds SET state = 'abandoned' WHERE state = 'open'
          AND quiz_id IN (SELECT quiz_id FROM quiz_games WHERE running = 1)`),
      endAllGames: db.prepare("UPDATE quiz_games SET running = 0 WHERE running = 1"),
      running: db.prepare<[string]>(
        `SELECT ${QUIZ_GAME_COLUMNS} FROM quiz_games WHERE channel_id = ? AND running = 1`,
      ),
    };
  }

  #write<T>(change: () => T): T {
    return this.db.transaction(change).immediate();
  }

  async startQuiz(
    quiz: QuizGameRecord,
    rounds: readonly QuizRoundPlan[],
    firstDeadline: number,
  ): Promise<boolean> {
    const game = quizGameRecordSchema.parse(quiz);
    const plans = rounds.map((plan) => quizRoundPlanSchema.parse(plan));
    const deadline = deadlineSchema.parse(firstDeadline);
    const s = this.#statements;
    return this.#write(() => {
      for (const { quiz_id: old } of s.forget.all(game.startedAt - QUIZ_KEPT_MS)) {
        s.forgetAnswers.run(old);
        s.forgetRounds.run(old);
        s.forgetGame.run(old);
      }
      const inserted = s.insertGame.run(
        game.quizId,
        game.guildId,
        game.channelId,
        game.starterId,
        game.applicationId,
        game.token,
        game.seed,
        game.total,
        game.seconds,
        game.startedAt,
      );
      if (inserted.changes === 0) return false;
      for (const plan of plans)
        s.insertRound.run(game.quizId, plan.round, plan.questionJson, plan.rightChoice);
      s.open.get(deadline, game.quizId, 1);
      return true;
    });
  }

  async openRound(quizId: string, round: number, deadline: number): Promise<OpenedRound | undefined> {
    const row = this.#write(() => this.#statements.open.get(deadlineSchema.parse(deadline), quizId, round));
    if (row === undefined) return undefined;
    const parsed = roundRowSchema.parse(row);
    return { round: parsed.round, questionJson: parsed.question_json };
  }

  async placeRound(quizId: string, round: number, messageId: string): Promise<boolean> {
    return this.#write(() => this.#statements.place.run(messageId, quizId, round).changes === 1);
  }

  async answerRound(answer: QuizAnswer): Promise<QuizAnswerVerdict> {
    const { quizId, round, userId, choice, at } = quizAnswerSchema.parse(answer);
    const s = this.#statements;
    return this.#write((): QuizAnswerVerdict => {
      const refused = refusedAnswer(s.round.get(quizId, round), at);
      if (refused !== undefined) return refused;
      if (s.answer.run(quizId, round, userId, choice).changes === 1) return { counted: true, choice };
      const earlier = s.earlier.get(quizId, round, userId);
      return { counted: false, reason: "again", choice: earlier?.choice ?? choice };
    });
  }

  async claimReveal(quizId: string, round: number): Promise<ClaimedRound | undefined> {
    const s = this.#statements;
    return this.#write(() => {
      const claimed = s.claim.get(quizId, round);
      if (claimed === undefined) return undefined;
      const row = roundRowSchema.parse(claimed);
      const quiz = toGameRecord(s.game.get(quizId));
      if (row.round >= quiz.total) s.finish.run(quizId);
      return {
        quiz,
        round: row.round,
        questionJson: row.question_json,
        rightChoice: row.right_choice,
        messageId: row.message_id ?? undefined,
        answers: s.answers.all(quizId, round).map(toAnswer),
        tallies: s.tallies.all(quizId).map(toTally),
      };
    });
  }

  async overdueRounds(before: number, limit: number): Promise<OverdueRound[]> {
    return this.#statements.overdue.all(before, limit).map(toOverdue);
  }

  async endQuiz(quizId: string): Promise<EndedQuiz | undefined> {
    const s = this.#statements;
    return this.#write(() => {
      const open = s.abandon.get(quizId);
      if (s.finish.run(quizId).changes === 0) return undefined;
      const row = open === undefined ? undefined : roundRowSchema.parse(open);
      return {
        quiz: toGameRecord(s.game.get(quizId)),
        played: s.played.get(quizId)?.n ?? 0,
        tallies: s.tallies.all(quizId).map(toTally),
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
    this.#write(() => {
      this.#statements.endAllRounds.run();
      this.#statements.endAllGames.run();
    });
  }

  async runningQuiz(channelId: string): Promise<QuizGameRecord | undefined> {
    const row = this.#statements.running.get(channelId);
    return row === undefined ? undefined : toGameRecord(row);
  }
}

/** For a bot without a data folder: quizzes still run, their rounds kept in this process's memory. */
export function memoryQuizRounds(): SqliteQuizRounds {
  const db = new Database(":memory:");
  migrate(db, MIGRATIONS, () => new Date());
  return new SqliteQuizRounds(db);
}
