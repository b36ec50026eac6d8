import type Database from "better-sqlite3";
import type { Corpus } from "../../knowledge/corpus.ts";
import type { QuestionLogBounds } from "../question-log.ts";
import { databaseError, openDatabase } from "./open-database.ts";
import { MIGRATIONS, migrate } from "./sqlite-migrations.ts";
import { SqliteQaStore } from "./sqlite-qa-store.ts";

export interface SqliteStoreOptions {
  /** The folder holding dossier.db (DATA_DIR); created if missing. */
  dataDir: string;
  /** Citations are checked against it; its qa entries are the global ones guild entries may not repeat. */
  corpus: Corpus;
  /** The clock for createdAt, updatedAt and revision times; tests pass a fixed one. */
  now?: () => Date;
  /** How much of the asked-question log is kept; tests pass small numbers. */
  questionLog?: QuestionLogBounds;
}

/**
 * SQLite silently opens a write-protected file read-only, and an up-to-date database needs no write
 * to migrate: without this, the first sign would be a moderator's add failing. The statement starts
 * a write transaction (refused with SQLITE_READONLY) but changes no row.
 */
function proveWritable(db: Database.Database): void {
  db.transaction(() =>
    db.prepare("UPDATE schema_migrations SET version = version WHERE 0").run(),
  ).immediate();
}

/**
 * Opens DATA_DIR/dossier.db, checks that it is Dossier's and whole (quick_check), and migrates it to
 * the current schema. Throws a StoreError, naming the folder or file and what to do, when it is
 * damaged, foreign, or cannot be opened for writing.
 */
export function openSqliteQaStore(options: SqliteStoreOptions): SqliteQaStore {
  const now = options.now ?? (() => new Date());
  const { db, startCheck } = openDatabase(options.dataDir);
  try {
    migrate(db, MIGRATIONS, now);
    proveWritable(db);
    return new SqliteQaStore(db, options.corpus, now, startCheck, options.questionLog);
  } catch (error) {
    db.close();
    throw databaseError(db.name, error);
  }
}
