import { accessSync, constants, copyFileSync, linkSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { StoreError } from "../store-error.ts";
import { APPLICATION_ID, checkAtOpen, damagedDatabase, type StartCheck } from "./database-health.ts";

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
  switchToWal(db);
  // FULL rather than NORMAL: NORMAL in WAL mode already survives a killed process (committed pages
  // sit in the OS cache), but an OS crash or power cut may lose the last commits. FULL syncs the log
  // on every commit, so an entry a moderator saw acknowledged survives those too; it costs one fsync
  // per commit (well under a millisecond here), nothing at the rate moderators and members write.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/**
 * A new dossier.db is made whole beside its place (WAL, our application id) and then linked into it,
 * which fails if another process got there first. So no process ever sees a half-made database, and a
 * dossier.db of 0 bytes is never Dossier's own: it is refused rather than silently started afresh.
 */
function createDatabaseFile(file: string): void {
  const partial = `${file}.${process.pid}.new`;
  try {
    const db = new Database(partial);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma(`application_id = ${APPLICATION_ID}`);
    } finally {
      db.close();
    }
    try {
      linkSync(partial, file);
    } catch (error) {
      // A file system without hard links gets an exclusive copy, which still never replaces a file.
      if (!LINKLESS.has(errorCode(error))) throw error;
      copyFileSync(partial, file, constants.COPYFILE_EXCL);
    }
  } catch (error) {
    // Another process made it first: theirs is used.
    if (errorCode(error) !== "EEXIST") throw error;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}

const LINKLESS = new Set(["EPERM", "ENOTSUP", "ENOSYS", "EXDEV"]);
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? "";

/**
 * Opens (creating if needed) DATA_DIR/dossier.db and checks it (see database-health.ts) before
 * anything writes to it; every failure is a StoreError saying what to do.
 */
export function openDatabase(dataDir: string): { db: Database.Database; startCheck: StartCheck } {
  const dir = resolve(dataDir);
  prepareDataDir(dir);
  const file = join(dir, DATABASE_FILE);
  let db: Database.Database | undefined;
  try {
    const existing = statSync(file, { throwIfNoEntry: false });
    if (existing === undefined) createDatabaseFile(file);
    else if (existing.isFile() && existing.size === 0) {
      throw damagedDatabase(file, "is empty (0 bytes), which Dossier never leaves behind");
    }
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
    // First, so that every statement below already waits for another process instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before the first write: a foreign or damaged file is refused as it was found.
    const startCheck = checkAtOpen(db, file);
    applyPragmas(db);
    return { db, startCheck };
  } catch (error) {
    db?.close();
    throw databaseError(file, error);
  }
}

/**
 * Turns any failure while opening, checking, migrating or first reading the database into one
 * sentence naming the file and what to do; a StoreError already is one.
 */
export function databaseError(file: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = error instanceof Database.SqliteError ? error.code : undefined;
  if (code === "SQLITE_NOTADB") return damagedDatabase(file, "is not an SQLite database", error);
  if (code?.startsWith("SQLITE_CORRUPT") || code?.startsWith("SQLITE_IOERR")) {
    return damagedDatabase(file, `is damaged (SQLite: ${(error as Error).message})`, error);
  }
  // Rows are checked as they are read (rows.ts): one that fails was not written by Dossier as it is.
  if (error instanceof z.ZodError) return damagedDatabase(file, "holds rows that no longer read back", error);
  const advice =
    code?.startsWith("SQLITE_READONLY") || code?.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_PERM"
      ? "cannot be opened for writing: give the bot's user write permission on it and its folder, or set DATA_DIR elsewhere"
      : `cannot be opened (${error instanceof Error ? error.message : String(error)})`;
  return new StoreError("database-unusable", `The database ${file} ${advice}.`, { cause: error });
}
