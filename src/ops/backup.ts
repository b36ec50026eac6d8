import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE } from "../store/index.ts";
import { MIGRATIONS } from "../store/sqlite/sqlite-migrations.ts";
import { StoreError } from "../store/store-error.ts";
import { UserError } from "../user-error.ts";

/**
 * Backups and restores of DATA_DIR/dossier.db without the sqlite3 program, and the lock that keeps
 * a restore away from a running bot.
 *
 * The lock is a file of its own (dossier.db.lock), opened as an SQLite database: a running bot keeps a
 * read transaction open on it (a shared lock), and a restore needs an exclusive one. The operating
 * system drops both when a process ends, however it ends, so a killed bot never leaves a stale lock.
 */

const LOCK_FILE = `${DATABASE_FILE}.lock`;
/** How long a starting bot waits for a restore in progress before giving up. */
const RESTORE_WAIT_MS = 5_000;

export interface Held {
  release(): void;
}

/** Taken by the bot once DATA_DIR exists, for as long as it runs. */
export function holdDataDir(dataDir: string): Held {
  const dir = resolve(dataDir);
  const lock = new Database(join(dir, LOCK_FILE), { timeout: RESTORE_WAIT_MS });
  try {
    lock.exec("BEGIN");
    lock.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    lock.close();
    throw new StoreError(
      "data-dir-unusable",
      `A restore is under way in the data folder ${dir}: start the bot again once \`dossier restore\` has finished.`,
      { cause: error },
    );
  }
  return { release: () => lock.close() };
}

/** For restore: succeeds only while no bot holds DATA_DIR, and keeps bots from starting until released. */
function claimDataDir(dir: string): Held {
  const lock = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    lock.close();
    if (!(error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY"))) throw error;
    throw new UserError(
      "restore-while-running",
      `A bot is running with the data folder ${dir}: stop it first (Ctrl-C, systemctl stop dossier, docker compose stop), then run dossier restore again; nothing was replaced.`,
    );
  }
  return { release: () => lock.close() };
}

export interface BackupResult {
  file: string;
  entries: number;
}

/**
 * Copies the live database with SQLite's online backup API, which reads a consistent snapshot even
 * while the bot writes. The copy is written beside its target and renamed into place once checked,
 * as a single file (rollback journal, not WAL) that can be moved or mailed as it is.
 */
export async function backupDatabase(dataDir: string, out?: string, now = new Date()): Promise<BackupResult> {
  const dir = resolve(dataDir);
  const source = join(dir, DATABASE_FILE);
  if (!existsSync(source)) {
    throw new UserError(
      "backup-no-database",
      `There is no database in the data folder ${dir} yet (it is created when the bot first starts): nothing to back up.`,
    );
  }
  const file = resolve(out ?? join(dir, "backups", `dossier-${timestamp(now)}.db`));
  if (existsSync(file))
    throw new UserError("backup-exists", `${file} already exists: choose another --out, or move it away.`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const live = new Database(source, { fileMustExist: true, timeout: RESTORE_WAIT_MS });
  try {
    await live.backup(partial);
  } finally {
    live.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const entries = checkIntact(copy, file);
    copy.close();
    renameSync(partial, file);
    return { file, entries };
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreResult {
  entries: number;
  /** The database it replaced, backed up first; undefined when there was none. */
  previous: BackupResult | undefined;
}

/**
 * Replaces DATA_DIR's database with a backup, once the backup is known to be intact and a Dossier
 * database this release can open, and only while no bot runs. The database it replaces is backed up
 * first. The copy goes through SQLite's backup API too, so a leftover write-ahead log of the old
 * database is dealt with by SQLite rather than left to corrupt the new one.
 */
export async function restoreDatabase(
  dataDir: string,
  backup: string,
  now = new Date(),
): Promise<RestoreResult> {
  const dir = resolve(dataDir);
  const file = resolve(backup);
  if (!existsSync(file))
    throw new UserError("restore-missing", `There is no file ${file}: nothing was replaced.`);
  const source = openBackup(file);
  try {
    checkIntact(source, file);
    checkSchema(source, file);
    mkdirSync(dir, { recursive: true });
    const claim = claimDataDir(dir);
    try {
      const live = join(dir, DATABASE_FILE);
      const previous = existsSync(live)
        ? await backupDatabase(dir, join(dir, "backups", `dossier-before-restore-${timestamp(now)}.db`))
        : undefined;
      await source.backup(live);
      const restored = new Database(live, { fileMustExist: true });
      try {
        return { entries: checkIntact(restored, live), previous };
      } finally {
        restored.close();
      }
    } finally {
      claim.release();
    }
  } finally {
    source.close();
  }
}

function openBackup(file: string): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new UserError(
      "restore-unreadable",
      `Cannot open ${file} (${describe(error)}): nothing was replaced.`,
    );
  }
}

/** integrity_check must say "ok"; returns the number of moderator entries. */
function checkIntact(db: Database.Database, file: string): number {
  let verdict: unknown;
  try {
    verdict = db.pragma("integrity_check", { simple: true });
  } catch (error) {
    throw new UserError(
      "backup-damaged",
      `${file} is not a usable SQLite database (${describe(error)}): nothing was replaced.`,
    );
  }
  if (verdict !== "ok") {
    throw new UserError(
      "backup-damaged",
      `${file} is damaged (integrity_check: ${String(verdict)}): nothing was replaced; use another backup.`,
    );
  }
  const hasEntries = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qa_entries'")
    .get();
  return hasEntries === undefined ? 0 : Number(db.prepare("SELECT count(*) FROM qa_entries").pluck().get());
}

function checkSchema(db: Database.Database, file: string): void {
  const hasVersions = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (hasVersions === undefined)
    throw new UserError("restore-not-dossier", `${file} is not a Dossier database: nothing was replaced.`);
  const version = Number(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get() ?? 0);
  if (version > MIGRATIONS.length) {
    throw new UserError(
      "restore-too-new",
      `${file} was written by a newer release of Dossier (schema ${version}, this one knows ${MIGRATIONS.length}): update Dossier first; nothing was replaced.`,
    );
  }
}

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

function describe(error: unknown): string {
  return error instanceof Database.SqliteError
    ? error.code
    : error instanceof Error
      ? error.message
      : String(error);
}
