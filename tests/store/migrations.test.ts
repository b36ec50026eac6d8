import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/sqlite/open-database.ts";
import { openSqliteQaStore } from "../../src/store/sqlite/open-sqlite-store.ts";
import { MIGRATIONS, migrate, schemaVersion } from "../../src/store/sqlite/sqlite-migrations.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { articleCorpus, citationFrom } from "./fixtures/article-corpus.ts";
import { steppingClock, tempDir } from "./fixtures/temp-dir.ts";

function migrationRows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").all();
  } finally {
    db.close();
  }
}

describe("schema migrations", () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  let corpus: ReturnType<typeof articleCorpus>;
  beforeEach(() => {
    dir = tempDir("migrations");
    file = join(dir.path, DATABASE_FILE);
    corpus = articleCorpus();
  });
  afterEach(() => dir.remove());

  it("are numbered 1, 2, 3… in order", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    const db = new Database(":memory:");
    const shuffled = [MIGRATIONS[1], MIGRATIONS[0]].filter((m) => m !== undefined);
    expect(() => migrate(db, shuffled, () => new Date(0))).toThrow(/expected 1/);
    db.close();
  });

  it("bring a database from an older version up to date, keeping its entries", async () => {
    const old = new Database(file);
    expect(migrate(old, MIGRATIONS.slice(0, 1), () => new Date("2022-01-01T00:00:00Z"))).toEqual([1]);
    const citation = citationFrom(corpus, "fp-mackinnon", 3);
    old
      .prepare(`INSERT INTO qa_entries VALUES ('guild-1', 'old-entry', 'An old question?', 'an old question',
        '[]', 'An old answer.', ?, 'active', NULL, 1, 'u', '2022-01-01T00:00:00.000Z', 'u', '2022-01-01T00:00:00.000Z')`)
      .run(JSON.stringify([citation]));
    old.close();

    const store = openSqliteQaStore({
      dataDir: dir.path,
      corpus,
      now: steppingClock("2022-02-01T00:00:00Z"),
    });
    expect((await store.get("guild-1", "old-entry"))?.citations).toEqual([citation]);
    await store.recordFeedback("guild-1", "old-entry", "An old question?", "up", "member-1");
    expect(await store.feedbackCounts("old-entry")).toEqual({ up: 1, down: 0 });
    await store.close();

    expect(migrationRows(file)).toEqual([
      { version: 1, name: MIGRATIONS[0]?.name, applied_at: "2022-01-01T00:00:00.000Z" },
      ...MIGRATIONS.slice(1).map((m, i) => ({
        version: m.version,
        name: m.name,
        applied_at: new Date(Date.parse("2022-02-01T00:00:00Z") + 1000 * i).toISOString(),
      })),
    ]);
  });

  it("do nothing when the database is already up to date", async () => {
    const first = openSqliteQaStore({
      dataDir: dir.path,
      corpus,
      now: steppingClock("2022-01-01T00:00:00Z"),
    });
    await first.close();
    const before = migrationRows(file);
    expect(before).toHaveLength(MIGRATIONS.length);

    const second = openSqliteQaStore({
      dataDir: dir.path,
      corpus,
      now: steppingClock("2030-01-01T00:00:00Z"),
    });
    await second.close();
    expect(migrationRows(file)).toEqual(before);
    const db = new Database(file);
    expect(migrate(db, MIGRATIONS, () => new Date())).toEqual([]);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it("refuse a database made by a newer release", async () => {
    await openSqliteQaStore({ dataDir: dir.path, corpus }).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01')").run(
      MIGRATIONS.length + 1,
    );
    db.close();
    const open = () => openSqliteQaStore({ dataDir: dir.path, corpus });
    expect(open).toThrow(StoreError);
    expect(open).toThrow(`is at schema version ${MIGRATIONS.length + 1}, newer than this program knows`);
  });
});
