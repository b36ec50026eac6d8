import type pg from "pg";
import { StoreError } from "../store-error.ts";

/**
 * The Postgres schema. Its first steps are SQLite's (sqlite/sqlite-migrations.ts), with the same versions
 * and names, so the shared tables read the same in `schema_migrations` on both engines; only the SQL
 * dialect differs. Steps after them exist only here: what replicas share beyond the entries. A step
 * is never edited once released: append one (to both lists when both engines need the change).
 *
 * Times stay ISO-8601 text, as on SQLite: the stores compare and order them as text, and the rows map
 * to the same domain objects through one set of schemas (../rows.ts).
 */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every replica may start at once against a new database: one advisory lock lets a single one migrate. */
const MIGRATION_LOCK = 0x0d055e1;

/** The channel replicas LISTEN on; the trigger below announces every entry change on it when it commits. */
export const ENTRY_CHANNEL = "dossier_entries";

export const POSTGRES_MIGRATIONS: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    name: "guild Q&A entries and their revisions",
    sql: `
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
        -- SQLite lists entries in rowid order, the order they were added; this is that order here.
        added             BIGINT GENERATED ALWAYS AS IDENTITY,
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
      );
      -- Whoever writes (a replica, the qa import command), every other replica hears of it at commit.
      CREATE FUNCTION announce_entry_change() RETURNS trigger AS $$
      BEGIN
        PERFORM pg_notify('${ENTRY_CHANNEL}', json_build_object('guildId', NEW.guild_id, 'entryId', NEW.id)::text);
        RETURN NULL;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER qa_entries_changed AFTER INSERT OR UPDATE ON qa_entries
        FOR EACH ROW EXECUTE FUNCTION announce_entry_change();`,
  },
  {
    version: 2,
    name: "answer feedback and the log of asked questions",
    sql: `
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
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id     TEXT NOT NULL,
        question     TEXT NOT NULL,
        question_key TEXT NOT NULL,
        confident    BOOLEAN NOT NULL,
        asked_at     TEXT NOT NULL
      );
      CREATE INDEX asked_questions_unconfident ON asked_questions (guild_id, asked_at) WHERE NOT confident;`,
  },
  {
    version: 3,
    name: "quiz answers, for the servers' leaderboards",
    sql: `
      CREATE TABLE quiz_answers (
        guild_id    TEXT NOT NULL,
        quiz_id     TEXT NOT NULL,
        round       INTEGER NOT NULL CHECK (round >= 1),
        user_id     TEXT NOT NULL,
        correct     BOOLEAN NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, quiz_id, round, user_id)
      );
      CREATE INDEX quiz_answers_by_time ON quiz_answers (guild_id, answered_at);`,
  },
  {
    version: 4,
    // SQLite's application id has no Postgres counterpart: the step is kept so the histories match.
    name: "mark the file as Dossier's (databases made before the application id)",
    sql: "SELECT 1",
  },
  {
    version: 5,
    name: "each server's asked questions by id, to keep the log bounded",
    sql: "CREATE INDEX asked_questions_by_guild ON asked_questions (guild_id)",
  },
  {
    version: 6,
    name: "what buttons stand for and the signatures already seen, shared by replicas",
    sql: `
      -- A page, a draft or a vote target behind a button, so that a click reaching another replica
      -- finds it. Expiry is in milliseconds since 1970 by the bot's clock, sliding on every read.
      CREATE TABLE button_values (
        kind       TEXT NOT NULL,
        key        TEXT NOT NULL,
        value_json TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX button_values_by_expiry ON button_values (expires_at);
      -- Interactions' signatures for five minutes: one replayed to another replica is refused too.
      CREATE TABLE seen_signatures (
        signature  TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX seen_signatures_by_expiry ON seen_signatures (expires_at);`,
  },
  {
    version: 7,
    name: "quiz rounds: questions, answers, deadlines and reveals",
    sql: `
      -- As SQLite's step 7. A round is revealed by whichever replica moves it out of 'open' first,
      -- so a click on any replica counts and a replica that died leaves its rounds to the others.
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
        running        BOOLEAN NOT NULL,
        started_at     BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX quiz_games_one_per_channel ON quiz_games (channel_id) WHERE running;
      CREATE INDEX quiz_games_by_start ON quiz_games (started_at);
      CREATE TABLE quiz_rounds (
        quiz_id       TEXT NOT NULL,
        round         INTEGER NOT NULL CHECK (round >= 1),
        question_json TEXT NOT NULL,
        right_choice  INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('waiting', 'open', 'revealed', 'abandoned')),
        deadline      BIGINT,
        message_id    TEXT,
        PRIMARY KEY (quiz_id, round)
      );
      CREATE INDEX quiz_rounds_open ON quiz_rounds (deadline) WHERE state = 'open';
      CREATE TABLE quiz_round_answers (
        id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        quiz_id TEXT NOT NULL,
        round   INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        choice  INTEGER NOT NULL CHECK (choice >= 0),
        UNIQUE (quiz_id, round, user_id)
      );`,
  },
  {
    version: 8,
    name: "members' cooldowns, shared by replicas",
    sql: `
      -- Until when a member's answer commands wait, in milliseconds since 1970 by the bot's clock.
      CREATE TABLE cooldowns (
        user_id  TEXT PRIMARY KEY,
        until_ms BIGINT NOT NULL
      );
      CREATE INDEX cooldowns_by_expiry ON cooldowns (until_ms);`,
  },
];

async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const result = await client.query<{ version: number | null }>(
    "SELECT MAX(version)::int AS version FROM schema_migrations",
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Brings the database up to the last migration, each step in its own transaction with its
 * schema_migrations row. Refuses a database a newer release has migrated, naming it as `where`.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: ReadonlyArray<PostgresMigration>,
  now: () => Date,
  where: string,
): Promise<number[]> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
  const applied: number[] = [];
  const step = async (work: () => Promise<void>) => {
    await client.query("BEGIN");
    try {
      // Held to the end of the transaction: concurrent starts queue here instead of racing CREATE TABLE.
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await work();
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
  await step(async () => {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
  });
  const found = await schemaVersion(client);
  if (found > migrations.length) {
    throw new StoreError(
      "database-too-new",
      `The database ${where} is at schema version ${found}, newer than this program knows (${migrations.length}): run a newer release of the bot, or restore a backup made by this one.`,
    );
  }
  for (const migration of migrations) {
    await step(async () => {
      if ((await schemaVersion(client)) >= migration.version) return;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      applied.push(migration.version);
    });
  }
  return applied;
}
