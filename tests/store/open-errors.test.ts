import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.ts";
import { DATABASE_FILE } from "../../src/store/sqlite/open-database.ts";
import { openSqliteQaStore } from "../../src/store/sqlite/open-store.ts";
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
    writeFileSync(join(dir.path, DATABASE_FILE), garbage);
    const error = openError(dir.path);
    expect(error.code).toBe("database-unusable");
    expect(error.message).toBe(
      `The database ${join(dir.path, DATABASE_FILE)} is not a usable SQLite database: move it aside and restart to start a new one, or restore a backup.`,
    );
    expect(readFileSync(join(dir.path, DATABASE_FILE), "utf8")).toBe(garbage);
  });

  it("explains a dossier.db that is a folder", () => {
    mkdirSync(join(dir.path, DATABASE_FILE));
    const error = openError(dir.path);
    expect(error.code).toBe("database-unusable");
    expect(error.message).toMatch(`The database ${join(dir.path, DATABASE_FILE)} cannot be opened`);
  });
});
