import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../errors.ts";

export const DATABASE_FILE = "dossier.db";

/** How long a write waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5000;

function unusableDir(dir: string, what: string, cause: unknown): StoreError {
  return new StoreError(
    "data-dir-unusable",
    `The data folder ${dir} ${what}: set DATA_DIR to a folder the bot's user can write to (it is created if missing), or fix its permissions.`,
    { cause },
  );
}

/** Creates the folder if needed and proves it is a writable folder before SQLite gets involved. */
function prepareDataDir(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw unusableDir(dir, "is a file, not a folder", undefined);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    // Missing: created below; any other stat error resurfaces from mkdir or access.
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === "ENOTDIR" || code === "EEXIST"
        ? "cannot be created because part of its path is a file"
        : `cannot be created (${code ?? "unknown error"})`;
    throw unusableDir(dir, what, error);
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw unusableDir(dir, "is not writable", error);
  }
}

function pauseSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * WAL: readers never block the writer, and a commit is one append to the log. Switching a new file
 * to WAL needs an exclusive lock and SQLite does not apply busy_timeout to it, so when two processes
 * create the database at once one of them gets SQLITE_BUSY: retry until busy_timeout would expire.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const mode = db.pragma("journal_mode = WAL", { simple: true });
      if (mode !== "wal") throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)})`);
      return;
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
      if (!busy || Date.now() > deadline) throw error;
      pauseSync(Math.min(5 * attempt, 50));
    }
  }
}

function applyPragmas(db: Database.Database): void {
  // First, so that every statement below already waits for another process instead of failing.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  switchToWal(db);
  // FULL rather than NORMAL: NORMAL in WAL mode already survives a killed process (committed pages
  // sit in the OS cache), but an OS crash or power cut may lose the last commits. FULL syncs the log
  // on every commit, so an entry a moderator saw acknowledged survives those too; it costs one fsync
  // per commit (well under a millisecond here), nothing at the rate moderators and members write.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/** Opens (creating if needed) DATA_DIR/dossier.db; every failure is a StoreError saying what to do. */
export function openDatabase(dataDir: string): Database.Database {
  const dir = resolve(dataDir);
  prepareDataDir(dir);
  const file = join(dir, DATABASE_FILE);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    applyPragmas(db);
    return db;
  } catch (error) {
    db?.close();
    throw databaseError(file, error);
  }
}

/** Turns an SQLite failure while opening or migrating into a message naming the file. */
export function databaseError(file: string, error: unknown): StoreError {
  const code = error instanceof Database.SqliteError ? error.code : undefined;
  const advice =
    code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT"
      ? "is not a usable SQLite database: move it aside and restart to start a new one, or restore a backup"
      : code?.startsWith("SQLITE_READONLY") || code?.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_PERM"
        ? "cannot be opened for writing: give the bot's user write permission on it and its folder, or set DATA_DIR elsewhere"
        : `cannot be opened (${error instanceof Error ? error.message : String(error)})`;
  return new StoreError("database-unusable", `The database ${file} ${advice}.`, { cause: error });
}
