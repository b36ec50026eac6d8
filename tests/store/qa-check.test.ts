import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { loadConfig } from "../../src/config.ts";
import { DATABASE_FILE, openSqliteQaStore } from "../../src/store/index.ts";
import { captureIo } from "../cli/capture-io.ts";
import { articleCorpus, citationFrom } from "./fixtures/article-corpus.ts";
import { tempDir } from "./fixtures/temp-dir.ts";

const corpus = articleCorpus();
const dossier = createDossier(corpus);

/** `dossier qa check`: the full integrity check an admin runs on demand, beside the quick one at start. */
describe("dossier qa check", () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(async () => {
    dir = tempDir("qa-check");
    file = join(dir.path, DATABASE_FILE);
    const store = openSqliteQaStore({ dataDir: dir.path, corpus });
    await store.add(
      "100000000000000001",
      {
        question: "What happened in Geneva?",
        alternatives: [],
        answer: "Talks.",
        citations: [citationFrom(corpus, "fp-mackinnon", 3)],
      },
      "moderator",
    );
    for (let n = 0; n < 20; n++) await store.recordQuestion("100000000000000001", `Question ${n}?`, false);
    await store.close();
  });
  afterEach(() => dir.remove());

  async function check() {
    const capture = captureIo();
    const context = () => ({
      config: loadConfig({ DATA_DIR: dir.path }),
      corpus,
      dossier,
      logger: pino({ level: "silent" }),
    });
    const code = await runCli(["qa", "check"], capture.io, { context });
    return { code, stdout: capture.stdout(), stderr: capture.stderr() };
  }

  it("says a whole database is healthy, and what it holds", async () => {
    expect(await check()).toEqual({
      code: 0,
      stdout: `The database ${file} is healthy (SQLite's integrity_check found no problem): it holds 1 active entry in 1 server.`,
      stderr: "",
    });
  });

  it("finds an index that no longer matches its table, which the quick check at start cannot see", async () => {
    // An index whose definition no longer says what it holds: every page is still well formed.
    const db = new Database(file);
    db.unsafeMode(true);
    db.pragma("writable_schema = ON");
    db.prepare(
      "UPDATE sqlite_schema SET sql = replace(sql, '(guild_id, asked_at)', '(guild_id, question)') WHERE name = 'asked_questions_unconfident'",
    ).run();
    db.close();

    const { code, stdout, stderr } = await check();
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(
      new RegExp(
        `^The database ${file} is damaged \\(SQLite's integrity_check: .*asked_questions_unconfident.*\\): stop the bot, move ${file} and any ${file}-wal aside, and put a copy you made in its place, or start without one to begin with no entries\\.$`,
      ),
    );
  });

  it("refuses a database whose pages are damaged in one sentence, without a stack", async () => {
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
    closeSync(fd);
    const { code, stderr } = await check();
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^The database ${file} is damaged \\(.+\\): stop the bot`));
    expect(stderr).not.toContain("\n");
  });
});
