import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/sqlite/open-database.ts";
import { openSqliteQaStore } from "../../src/store/sqlite/open-sqlite-store.ts";
import { articleCorpus } from "./fixtures/article-corpus.ts";
import { spawnWriter } from "./fixtures/spawn-writer.ts";
import { tempDir } from "./fixtures/temp-dir.ts";

const TOTAL_ADDS = 1000;
const KILL_AFTER_ACKS = 300;

describe("a writer killed with SIGKILL in the middle of its adds", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir("crash");
  });
  afterEach(() => dir.remove());

  it("loses no acknowledged add and leaves an intact database", async () => {
    const writer = spawnWriter({
      address: dir.path,
      guildId: "guild-1",
      count: TOTAL_ADDS,
      actor: "moderator-1",
      template: "What happened in round {n}?",
      // Without --linger a fast run could finish before the kill; lingering, only the kill ends it.
      linger: true,
    });
    writer.onAck((count) => {
      if (count === KILL_AFTER_ACKS) writer.child.kill("SIGKILL");
    });
    const { signal, stderr } = await writer.finished;
    expect(stderr).toBe("");
    expect(signal).toBe("SIGKILL");
    expect(writer.acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const db = new Database(join(dir.path, DATABASE_FILE));
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // Each add commits its revision with it: no entry without history, no history without entry.
    const orphans = db
      .prepare(`SELECT
          (SELECT COUNT(*) FROM qa_entries e WHERE NOT EXISTS
            (SELECT 1 FROM qa_revisions r WHERE r.guild_id = e.guild_id AND r.entry_id = e.id)) +
          (SELECT COUNT(*) FROM qa_revisions r WHERE NOT EXISTS
            (SELECT 1 FROM qa_entries e WHERE r.guild_id = e.guild_id AND r.entry_id = e.id)) AS n`)
      .pluck()
      .get();
    expect(orphans).toBe(0);
    db.close();

    const store = openSqliteQaStore({ dataDir: dir.path, corpus: articleCorpus() });
    const stored = await store.allActive("guild-1");
    const storedIds = new Set(stored.map((entry) => entry.id));
    const missing = writer.acks.filter((id) => !storedIds.has(id));
    expect(missing).toEqual([]);
    // At most the add in flight when the kill landed is stored without having been acknowledged.
    expect(stored.length - writer.acks.length).toBeGreaterThanOrEqual(0);
    expect(stored.length - writer.acks.length).toBeLessThanOrEqual(1);
    const { total } = await store.list("guild-1", { offset: 0, limit: 1, includeRemoved: true });
    expect(total).toBe(stored.length);
    await store.close();
  });
});
