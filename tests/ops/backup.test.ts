import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { holdDataDir } from "../../src/ops/backup.ts";
import { DATABASE_FILE } from "../../src/store/index.ts";
import { openSqliteQaStore } from "../../src/store/sqlite/open-sqlite-store.ts";
import { captureIo } from "../cli/capture-io.ts";
import { articleCorpus } from "../store/fixtures/article-corpus.ts";
import { spawnWriter } from "../store/fixtures/spawn-writer.ts";
import { tempDir } from "../store/fixtures/temp-dir.ts";

const GUILD = "guild-1";

async function dossier(args: string[], dataDir: string) {
  const capture = captureIo();
  const code = await runCli(args, capture.io, { env: { DATA_DIR: dataDir } });
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

async function storedIds(dataDir: string): Promise<Set<string>> {
  const store = openSqliteQaStore({ dataDir, corpus: articleCorpus() });
  try {
    return new Set((await store.allActive(GUILD)).map((entry) => entry.id));
  } finally {
    await store.close();
  }
}

describe("dossier backup and restore", () => {
  let live: ReturnType<typeof tempDir>;
  let elsewhere: ReturnType<typeof tempDir>;
  beforeEach(() => {
    live = tempDir("backup-live");
    elsewhere = tempDir("backup-elsewhere");
  });
  afterEach(() => {
    live.remove();
    elsewhere.remove();
  });

  it("backs up while another process writes, and restores every entry acknowledged before", async () => {
    // A writer in its own process, as the bot would be, adding entries until it is killed.
    const writer = spawnWriter({
      address: live.path,
      guildId: GUILD,
      count: 100_000,
      actor: "moderator-1",
      template: "What happened in round {n}?",
      linger: true,
    });
    const started = new Promise<void>((resolve) => writer.onAck((count) => count === 50 && resolve()));
    await started;
    const acknowledgedBefore = [...writer.acks];
    const file = join(elsewhere.path, "nightly.db");
    const backup = await dossier(["backup", "--out", file], live.path);
    // The writer goes on writing after the copy: it holds no lock (the test would wait here for
    // ever). Awaited, not counted: on a busy machine the copy of a small database can be over
    // before the writer's next turn, and asking for an ack during it failed by chance.
    const afterCopy = writer.acks.length;
    await new Promise<void>((resolve) => writer.onAck((count) => count > afterCopy && resolve()));
    writer.child.kill("SIGKILL");
    await writer.finished;

    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(`^Backed up \\d+ moderator entries to ${file} \\(integrity check: ok\\)\\.$`),
    );
    // One file, ready to move: no write-ahead log beside it.
    expect(readdirSync(elsewhere.path)).toEqual(["nightly.db"]);

    const restored = tempDir("backup-restored");
    try {
      const restore = await dossier(["restore", file], restored.path);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(
        /^Restored \d+ moderator entries from .* \(integrity check: ok\)\. Start the bot/,
      );
      const db = new Database(join(restored.path, DATABASE_FILE), { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      const ids = await storedIds(restored.path);
      expect(acknowledgedBefore.filter((id) => !ids.has(id))).toEqual([]);
      // A snapshot: nothing the writer had not yet written (at most the add in flight at the kill).
      expect(ids.size).toBeLessThanOrEqual(writer.acks.length + 1);
    } finally {
      restored.remove();
    }
  });

  it("keeps the database it replaces, and refuses while a bot holds the data folder", async () => {
    const store = openSqliteQaStore({ dataDir: live.path, corpus: articleCorpus() });
    await store.close();
    const file = join(elsewhere.path, "copy.db");
    expect((await dossier(["backup", "--out", file], live.path)).code).toBe(0);

    const bot = holdDataDir(live.path);
    try {
      const refused = await dossier(["restore", file], live.path);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `A bot is running with the data folder ${live.path}: stop it first (Ctrl-C, systemctl stop dossier, docker compose stop), then run dossier restore again; nothing was replaced.`,
      );
      expect(existsSync(join(live.path, "backups"))).toBe(false);
    } finally {
      bot.release();
    }

    const restore = await dossier(["restore", file], live.path);
    expect(restore.code).toBe(0);
    const kept = readdirSync(join(live.path, "backups"));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^dossier-before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(restore.stdout).toContain(
      `The database it replaced is kept in ${join(live.path, "backups", kept[0] ?? "")}.`,
    );
  });

  it("checks a backup before replacing anything", async () => {
    const store = openSqliteQaStore({ dataDir: live.path, corpus: articleCorpus() });
    await store.close();
    const garbage = join(elsewhere.path, "garbage.db");
    writeFileSync(garbage, "not a database at all, just text that is long enough to look like a file");
    const notSqlite = await dossier(["restore", garbage], live.path);
    expect(notSqlite).toMatchObject({ code: 1 });
    expect(notSqlite.stderr).toBe(
      `${garbage} is not a usable SQLite database (SQLITE_NOTADB): nothing was replaced.`,
    );

    const stranger = join(elsewhere.path, "stranger.db");
    const other = new Database(stranger);
    other.exec("CREATE TABLE notes (text TEXT)");
    other.close();
    const notOurs = await dossier(["restore", stranger], live.path);
    expect(notOurs.stderr).toBe(`${stranger} is not a Dossier database: nothing was replaced.`);

    const missing = await dossier(["restore", join(elsewhere.path, "nope.db")], live.path);
    expect(missing.stderr).toMatch(/^There is no file .*nope\.db: nothing was replaced\.$/);
    expect(existsSync(join(live.path, "backups"))).toBe(false);
  });

  it("says so when there is nothing to back up, and never overwrites a file", async () => {
    const empty = await dossier(["backup"], live.path);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^There is no database in the data folder .* yet/);

    const store = openSqliteQaStore({ dataDir: live.path, corpus: articleCorpus() });
    await store.close();
    const first = await dossier(["backup"], live.path);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(join(live.path, "backups", "dossier-"));
    const file = join(elsewhere.path, "taken.db");
    writeFileSync(file, "");
    const taken = await dossier(["backup", "--out", file], live.path);
    expect(taken.stderr).toBe(`${file} already exists: choose another --out, or move it away.`);
  });
});
