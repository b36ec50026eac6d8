import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { z } from "zod";
import { StoreError } from "../store-error.ts";

/**
 * Is this our database, and is it whole? Asked at every open, so that a damaged or foreign file stops
 * the start with a sentence instead of failing later in front of a member.
 */

/** "Dos1", in every dossier.db's header: a database another program made is refused, not taken over. */
export const APPLICATION_ID = 0x446f7331;

/** Beside dossier.db in DATA_DIR, rewritten at every start whose check passed. */
export const BACKUP_FILE = "dossier-backup.db";

/**
 * quick_check reads every page, about a second per gigabyte from a warm disk. Past this size the start
 * skips it (and says so) rather than keep every restart waiting; `dossier qa check` checks any size.
 */
const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

export type StartCheck = "quick_check passed" | "too large to check at start";

const checkRowsSchema = z.array(z.record(z.string(), z.string()));

export function backupPathOf(file: string): string {
  return join(dirname(file), BACKUP_FILE);
}

/** One sentence: what is wrong with the file, where the backup is, and how to put it back. */
export function damagedDatabase(file: string, what: string, cause?: unknown): StoreError {
  const backup = backupPathOf(file);
  const aside = `stop the bot, move ${file} and any ${file}-wal aside`;
  const restore = existsSync(backup)
    ? `${aside}, copy the backup ${backup} (made at the last healthy start, ${statSync(backup).mtime.toISOString()}) to ${file}, and start again`
    : `${aside}, and put a copy you made in its place, or start without one to begin with no entries`;
  return new StoreError("database-damaged", `The database ${file} ${what}: ${restore}.`, { cause });
}

/**
 * Refuses a database some other program made: a Dossier database carries APPLICATION_ID, or, from
 * before that, has our tables; an empty one is new.
 */
export function checkIdentity(db: Database.Database, file: string): void {
  if (db.pragma("application_id", { simple: true }) === APPLICATION_ID) return;
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();
  if (tables.length === 0) return;
  if (tables.includes("schema_migrations") && tables.includes("qa_entries")) return;
  throw new StoreError(
    "database-foreign",
    `The database ${file} was not made by Dossier (it holds ${tables.slice(0, 5).join(", ")}): set DATA_DIR to a folder of Dossier's own, or move the file aside.`,
  );
}

/** SQLite's own check of every page's structure; problems as SQLite words them, none when whole. */
function problemsFrom(db: Database.Database, pragma: "quick_check" | "integrity_check"): string[] {
  const rows = checkRowsSchema.parse(db.pragma(`${pragma}(10)`));
  const problems = rows.flatMap((row) => Object.values(row));
  if (problems.length === 1 && problems[0] === "ok") return [];
  // Each fits on one line of a sentence: "*** in database main ***\nTree 3 page 3: …" → "Tree 3 page 3: …".
  return problems.map((problem) =>
    problem
      .replace(/^\*\*\* in database \w+ \*\*\*/, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** quick_check at open, within QUICK_CHECK_MAX_BYTES; a failure is the damaged-database sentence. */
export function checkAtOpen(db: Database.Database, file: string): StartCheck {
  checkIdentity(db, file);
  const pages = Number(db.pragma("page_count", { simple: true }));
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  if (pages * pageSize > QUICK_CHECK_MAX_BYTES) return "too large to check at start";
  const problems = problemsFrom(db, "quick_check");
  if (problems.length > 0) throw damagedDatabase(file, `is damaged (SQLite's quick_check: ${problems[0]})`);
  return "quick_check passed";
}

/** integrity_check: every page and every index against its table. Slower; for `dossier qa check`. */
export function integrityProblems(db: Database.Database): string[] {
  return problemsFrom(db, "integrity_check");
}

/**
 * Copies the database to BACKUP_FILE through SQLite's online backup, which reads a consistent snapshot
 * while writes go on. Written beside it and renamed over, so an interrupted copy never replaces a
 * good backup.
 */
export async function backUp(db: Database.Database, file: string): Promise<string> {
  const backup = backupPathOf(file);
  const partial = `${backup}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, backup);
    return backup;
  } finally {
    rmSync(partial, { force: true });
  }
}
