import type Database from "better-sqlite3";
import { StoreError } from "../store-error.ts";
import { APPLICATION_ID } from "./database-health.ts";

/**
 * The schema, as an ordered list of steps. A step is never edited once released: change the schema
 * by appending one. Each step runs in its own transaction together with its schema_migrations row,
 * so a crash leaves the database at one version or the next, never in between.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "guild Q&A entries and their revisions",
    up: (db) =>
      db.exec(`
        CREATE TABLE qa_entries (
          guild_id          TEXT NOT NULL,
          id                TEXT NOT NULL,
          question          TEXT NOT NULL,
          question_key      TEXT NOT NULL,
          alternatives_json TEXT NOT NULL,
          answer            TEXT NOT NULL,
          citations_json    TEXT NOT NULL,
          status            TEXT NOT NULL CHECK (status IN ('active', 'removed')),
          removal_reason    TEXT,
          version           INTEGER NOT NULL CHECK (version >= 1),
          created_by        TEXT NOT NULL,
          created_at        TEXT NOT NULL,
          updated_by        TEXT NOT NULL,
          updated_at        TEXT NOT NULL,
          PRIMARY KEY (guild_id, id),
          UNIQUE (guild_id, question_key)
        );
        CREATE TABLE qa_revisions (
          guild_id      TEXT NOT NULL,
          entry_id      TEXT NOT NULL,
          version       INTEGER NOT NULL,
          action        TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove', 'restore', 'import')),
          actor         TEXT NOT NULL,
          at            TEXT NOT NULL,
          snapshot_json TEXT NOT NULL,
          PRIMARY KEY (guild_id, entry_id, version),
          FOREIGN KEY (guild_id, entry_id) REFERENCES qa_entries (guild_id, id)
        );`),
  },
  {
    version: 2,
    name: "answer feedback and the log of asked questions",
    up: (db) =>
      db.exec(`
        CREATE TABLE feedback (
          guild_id     TEXT NOT NULL,
          result_id    TEXT NOT NULL,
          question_key TEXT NOT NULL,
          question     TEXT NOT NULL,
          user_id      TEXT NOT NULL,
          vote         TEXT NOT NULL CHECK (vote IN ('up', 'down')),
          voted_at     TEXT NOT NULL,
          PRIMARY KEY (guild_id, result_id, question_key, user_id)
        );
        CREATE INDEX feedback_by_result ON feedback (result_id);
        CREATE TABLE asked_questions (
          id           INTEGER PRIMARY KEY,
          guild_id     TEXT NOT NULL,
          question     TEXT NOT NULL,
          question_key TEXT NOT NULL,
          confident    INTEGER NOT NULL CHECK (confident IN (0, 1)),
          asked_at     TEXT NOT NULL
        );
        CREATE INDEX asked_questions_unconfident ON asked_questions (guild_id, asked_at) WHERE confident = 0;`),
  },
  {
    version: 3,
    name: "quiz answers, for the servers' leaderboards",
    up: (db) =>
      db.exec(`
        CREATE TABLE quiz_answers (
          guild_id    TEXT NOT NULL,
          quiz_id     TEXT NOT NULL,
          round       INTEGER NOT NULL CHECK (round >= 1),
          user_id     TEXT NOT NULL,
          correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
          answered_at TEXT NOT NULL,
          PRIMARY KEY (guild_id, quiz_id, round, user_id)
        );
        CREATE INDEX quiz_answers_by_time ON quiz_answers (guild_id, answered_at);`),
  },
  {
    version: 4,
    name: "mark the file as Dossier's (databases made before the application id)",
    up: (db) => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  {
    version: 5,
    name: "each server's asked questions by id, to keep the log bounded",
    up: (db) => db.exec("CREATE INDEX asked_questions_by_guild ON asked_questions (guild_id)"),
  },
  {
    version: 6,
    // Postgres's step 6 (what replicas share beyond the entries): one process needs none of it here,
    // and the step is kept so that both engines' histories match.
    name: "what buttons stand for and the signatures already seen, shared by replicas",
    up: () => {},
  },
  {
    version: 7,
    name: "quiz rounds: questions, answers, deadlines and reveals",
    up: (db) =>
      db.exec(`
        -- A running quiz, one per channel; how to speak in the channel (the starting interaction's
        -- webhook) and when it started, in milliseconds since 1970 by the bot's clock.
        CREATE TABLE quiz_games (
          quiz_id        TEXT PRIMARY KEY,
          guild_id       TEXT NOT NULL,
          channel_id     TEXT NOT NULL,
          starter_id     TEXT NOT NULL,
          application_id TEXT NOT NULL,
          token          TEXT NOT NULL,
          seed           INTEGER NOT NULL,
          total          INTEGER NOT NULL CHECK (total >= 1),
          seconds        INTEGER NOT NULL CHECK (seconds >= 1),
          running        INTEGER NOT NULL CHECK (running IN (0, 1)),
          started_at     INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX quiz_games_one_per_channel ON quiz_games (channel_id) WHERE running = 1;
        CREATE INDEX quiz_games_by_start ON quiz_games (started_at);
        -- Every round of a quiz from its start: waiting, then open until its deadline, then revealed
        -- (once: whoever moves it out of 'open' first) or abandoned by a stop.
        CREATE TABLE quiz_rounds (
          quiz_id       TEXT NOT NULL,
          round         INTEGER NOT NULL CHECK (round >= 1),
          question_json TEXT NOT NULL,
          right_choice  INTEGER NOT NULL,
          state         TEXT NOT NULL CHECK (state IN ('waiting', 'open', 'revealed', 'abandoned')),
          deadline      INTEGER,
          message_id    TEXT,
          PRIMARY KEY (quiz_id, round)
        );
        CREATE INDEX quiz_rounds_open ON quiz_rounds (deadline) WHERE state = 'open';
        -- One answer per member and round, in the order they came.
        CREATE TABLE quiz_round_answers (
          id      INTEGER PRIMARY KEY,
          quiz_id TEXT NOT NULL,
          round   INTEGER NOT NULL,
          user_id TEXT NOT NULL,
          choice  INTEGER NOT NULL CHECK (choice >= 0),
          UNIQUE (quiz_id, round, user_id)
        );`),
  },
];

export function schemaVersion(db: Database.Database): number {
  const row = db
    .prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations")
    .get();
  return row?.version ?? 0;
}

/**
 * Brings the database up to the last migration. Safe when two processes open a new database at
 * once: each step re-reads the version inside an IMMEDIATE transaction, so only one applies it.
 */
export function migrate(
  db: Database.Database,
  migrations: ReadonlyArray<Migration>,
  now: () => Date,
): number[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
  }).immediate();

  const known = migrations.length;
  const found = schemaVersion(db);
  if (found > known) {
    throw new StoreError(
      "database-too-new",
      `The database ${db.name} is at schema version ${found}, newer than this program knows (${known}): run a newer release of the bot, or restore a backup made by this one.`,
    );
  }
  const applied: number[] = [];
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
