import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_ID } from "../../src/store/sqlite/database-health.ts";
import { DATABASE_FILE } from "../../src/store/sqlite/open-database.ts";
import { openSqliteQaStore } from "../../src/store/sqlite/open-sqlite-store.ts";
import { MIGRATIONS, migrate } from "../../src/store/sqlite/sqlite-migrations.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { articleCorpus } from "./fixtures/article-corpus.ts";
import { tempDir } from "./fixtures/temp-dir.ts";

/** Root ignores permission bits, so a chmod-ed folder stays writable for it. */
const RUNNING_AS_ROOT = process.getuid?.() === 0;

function openError(dataDir: string): StoreError {
  try {
    openSqliteQaStore({ dataDir, corpus: articleCorpus() }).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`opening ${dataDir} should have failed`);
}

describe("opening the store where it cannot write", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir("open-errors");
  });
  afterEach(() => {
    chmodSync(dir.path, 0o700);
    dir.remove();
  });

  it("creates a missing DATA_DIR, parents included", async () => {
    const nested = join(dir.path, "a", "b", "data");
    await openSqliteQaStore({ dataDir: nested, corpus: articleCorpus() }).close();
    expect(existsSync(join(nested, DATABASE_FILE))).toBe(true);
  });

  it("explains a DATA_DIR that is a file", () => {
    const file = join(dir.path, "data");
    writeFileSync(file, "not a folder");
    const error = openError(file);
    expect(error.code).toBe("data-dir-unusable");
    expect(error.message).toBe(
      `The data folder ${file} is a file, not a folder: set DATA_DIR to a folder the bot's user can write to (it is created if missing), or fix its permissions.`,
    );
  });

  it("explains a DATA_DIR that cannot be created because its path goes through a file", () => {
    writeFileSync(join(dir.path, "file"), "");
    const under = join(dir.path, "file", "data");
    const error = openError(under);
    expect(error.code).toBe("data-dir-unusable");
    expect(error.message).toMatch(
      `The data folder ${under} cannot be created because part of its path is a file: set DATA_DIR`,
    );
  });

  it.skipIf(RUNNING_AS_ROOT)(
    "explains a read-only DATA_DIR (skipped as root, which chmod does not stop)",
    () => {
      const readOnly = join(dir.path, "read-only");
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o500);
      try {
        expect(openError(readOnly).message).toMatch(
          `The data folder ${readOnly} is not writable: set DATA_DIR`,
        );
      } finally {
        chmodSync(readOnly, 0o700);
      }
    },
  );

  it.skipIf(RUNNING_AS_ROOT)(
    "explains a write-protected dossier.db (skipped as root, which chmod does not stop)",
    async () => {
      await openSqliteQaStore({ dataDir: dir.path, corpus: articleCorpus() }).close();
      const file = join(dir.path, DATABASE_FILE);
      chmodSync(file, 0o400);
      expect(openError(dir.path).message).toBe(
        `The database ${file} cannot be opened for writing: give the bot's user write permission on it and its folder, or set DATA_DIR elsewhere.`,
      );
    },
  );

  it("explains a dossier.db that is not a database, and leaves it untouched", () => {
    const garbage = "this is not SQLite ".repeat(100);
    const file = join(dir.path, DATABASE_FILE);
    writeFileSync(file, garbage);
    const error = openError(dir.path);
    expect(error.code).toBe("database-damaged");
    expect(error.message).toBe(
      `The database ${file} is not an SQLite database: stop the bot, move ${file} and any ${file}-wal aside, and put a copy you made in its place, or start without one to begin with no entries.`,
    );
    expect(readFileSync(file, "utf8")).toBe(garbage);
  });

  it("refuses a dossier.db of 0 bytes rather than starting afresh in it, and leaves it untouched", () => {
    const file = join(dir.path, DATABASE_FILE);
    writeFileSync(file, "");
    const error = openError(dir.path);
    expect(error.code).toBe("database-damaged");
    expect(error.message).toMatch(
      `The database ${file} is empty (0 bytes), which Dossier never leaves behind: stop the bot, move`,
    );
    expect(statSync(file).size).toBe(0);
  });

  it.each([
    ["another program's tables", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)", "users"],
    [
      "a schema_migrations table of its own",
      "CREATE TABLE schema_migrations (version TEXT)",
      "schema_migrations",
    ],
  ])("refuses a database another program made (%s), and leaves it untouched", (_, sql, tables) => {
    const file = join(dir.path, DATABASE_FILE);
    const foreign = new Database(file);
    foreign.exec(sql);
    foreign.close();
    const before = readFileSync(file);
    const error = openError(dir.path);
    expect(error.code).toBe("database-foreign");
    expect(error.message).toBe(
      `The database ${file} was not made by Dossier (it holds ${tables}): set DATA_DIR to a folder of Dossier's own, or move the file aside.`,
    );
    expect(readFileSync(file)).toEqual(before);
  });

  it("takes a database made before the application id, and marks it as Dossier's", async () => {
    const file = join(dir.path, DATABASE_FILE);
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 2), () => new Date(0));
    old.close();
    await openSqliteQaStore({ dataDir: dir.path, corpus: articleCorpus() }).close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    reopened.close();
  });

  it("makes a new database whole before putting it in place, leaving nothing else behind", async () => {
    await openSqliteQaStore({ dataDir: dir.path, corpus: articleCorpus() }).close();
    expect(readdirSync(dir.path)).toEqual([DATABASE_FILE]);
    const created = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    expect(created.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    expect(created.pragma("journal_mode", { simple: true })).toBe("wal");
    created.close();
  });

  it("explains a dossier.db that is a folder", () => {
    mkdirSync(join(dir.path, DATABASE_FILE));
    const error = openError(dir.path);
    expect(error.code).toBe("database-unusable");
    expect(error.message).toMatch(`The database ${join(dir.path, DATABASE_FILE)} cannot be opened`);
  });
});
