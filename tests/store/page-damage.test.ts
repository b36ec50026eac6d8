import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Context, StartedParts } from "../../src/bot/context.ts";
import { startDossier } from "../../src/cli/start-dossier.ts";
import { loadConfig } from "../../src/config.ts";
import { openModeration } from "../../src/ops/open-moderation.ts";
import { BACKUP_FILE, DATABASE_FILE, type GuildQaEntry, openSqliteQaStore } from "../../src/store/index.ts";
import { captureIo } from "../cli/capture-io.ts";
import { BOT_TOKEN } from "../e2e/bot-harness.ts";
import { articleCorpus, citationFrom } from "./fixtures/article-corpus.ts";
import { steppingClock, tempDir } from "./fixtures/temp-dir.ts";

const PAGE_SIZE = 4096;
const GUILDS = ["100000000000000001", "100000000000000002"];

/** The same "random" bytes on every run: a damaged page that fails a test can be damaged again. */
function noise(seed: number): Buffer {
  const bytes = Buffer.alloc(PAGE_SIZE);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < PAGE_SIZE; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/**
 * Each page of a populated database overwritten in turn, on a copy, then started as `npm start`
 * starts the bot (without Discord): the start either has every entry intact, and then everything a
 * member or moderator can do works, or it refuses with one sentence naming the backup. It never
 * prints a stack, and never starts only to fail later.
 */
describe("a database with one damaged page, for each of its pages", () => {
  const dir = tempDir("page-damage");
  const corpus = articleCorpus();
  const dossier = createDossier(corpus);
  const logger = pino({ level: "silent" });
  const healthy = join(dir.path, "healthy");
  let expected: GuildQaEntry[] = [];

  beforeAll(async () => {
    const store = openSqliteQaStore({ dataDir: healthy, corpus, now: steppingClock() });
    const citation = (n: number) => citationFrom(corpus, "fp-mackinnon", 1 + (n % 12));
    for (let n = 0; n < 80; n++) {
      const guild = GUILDS[n % 2] ?? "";
      const entry = await store.add(
        guild,
        {
          question: `What does note ${n} say about the talks in Geneva?`,
          alternatives: [`note ${n}`, `geneva ${n}`],
          answer: `Note ${n}: ${"The talks went on. ".repeat(40)}`.slice(0, 1000),
          citations: [citation(n), citation(n + 1)],
        },
        "moderator",
      );
      if (n % 3 === 0) await store.remove(guild, entry.id, "Superseded by a better entry.", "moderator");
    }
    for (let n = 0; n < 1000; n++) {
      await store.recordQuestion(GUILDS[n % 2] ?? "", `Question number ${n} about NATO?`, n % 4 === 0);
      if (n % 5 === 0)
        await store.recordFeedback(GUILDS[0] ?? "", "why-now", `Why now ${n}?`, "down", `${n}`);
    }
    await store.close();
    // Old questions leave the log (as it is bounded), and the pages they held join the free list:
    // damage there is harmless, since SQLite rewrites a free page before using it again.
    const raw = new Database(join(healthy, DATABASE_FILE));
    raw.prepare("DELETE FROM asked_questions WHERE id <= 600").run();
    raw.close();
    // The first healthy start checks it and leaves the backup a damaged copy is restored from.
    const moderation = await openModeration(contextFor(healthy));
    expected = await moderation.store.allActive();
    await moderation.store.close();
  });

  afterAll(() => dir.remove());

  function contextFor(dataDir: string): Pick<Context, StartedParts> {
    const config = loadConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: "100000000000000009",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
    });
    return { config, corpus, dossier, logger };
  }

  /** Everything that reads or writes the store, as members and moderators would after the start. */
  async function useEverything(moderation: Awaited<ReturnType<typeof openModeration>>, dataDir: string) {
    const { store } = moderation;
    // Stronger than the quick check at start: every index against its table.
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(reader.pragma("integrity_check", { simple: true })).toBe("ok");
    reader.close();
    for (const guild of GUILDS) {
      const { entries } = await store.list(guild, { includeRemoved: true, offset: 0, limit: 100 });
      for (const entry of entries) await store.history(guild, entry.id);
      await store.gaps(guild, { limit: 25 });
      await store.exportEntries(guild);
      await store.recordQuestion(guild, "One more question about Minsk?", false);
      await store.recordFeedback(guild, "why-now", "Why now?", "up", "200000000000000001");
      await store.feedbackCounts("why-now", guild);
      await store.add(
        guild,
        {
          question: "A question added after the start?",
          alternatives: [],
          answer: "An answer added after the start.",
          citations: [citationFrom(corpus, "npr-2022-01-12", 2)],
        },
        "moderator",
      );
    }
  }

  it("either starts with every entry intact or refuses with one sentence; none fails later", async () => {
    const file = join(healthy, DATABASE_FILE);
    const pages = statSync(file).size / PAGE_SIZE;
    expect(pages).toBeGreaterThanOrEqual(100);
    const outcomes = { started: 0, refused: 0 };

    for (let page = 0; page < pages; page++) {
      const dataDir = join(dir.path, `page-${page + 1}`);
      mkdirSync(dataDir);
      copyFileSync(file, join(dataDir, DATABASE_FILE));
      copyFileSync(join(healthy, BACKUP_FILE), join(dataDir, BACKUP_FILE));
      const fd = openSync(join(dataDir, DATABASE_FILE), "r+");
      writeSync(fd, noise(page + 1), 0, PAGE_SIZE, page * PAGE_SIZE);
      closeSync(fd);

      const capture = captureIo();
      let startedWith: GuildQaEntry[] | undefined;
      // A throw here is what `npm start` prints as a stack trace.
      const code = await startDossier({
        io: capture.io,
        context: () => contextFor(dataDir),
        startBot: async (context) => {
          const moderation = await openModeration(context);
          startedWith = await moderation.store.allActive();
          await useEverything(moderation, dataDir);
          await moderation.store.close();
        },
      });
      const where = `page ${page + 1} of ${pages}`;
      if (code === 0) {
        outcomes.started++;
        expect(startedWith, where).toEqual(expected);
        expect(capture.stderr(), where).toBe("");
      } else {
        outcomes.refused++;
        const sentence = capture.stderr();
        expect(sentence, where).toMatch(
          /^The database \S+ (is damaged|is not an SQLite database|holds rows)/,
        );
        expect(sentence, where).toContain(`copy the backup ${join(dataDir, BACKUP_FILE)}`);
        expect(sentence, where).not.toContain("\n");
        expect(sentence, where).toMatch(/\.$/);
      }
    }
    expect(outcomes.started + outcomes.refused).toBe(pages);
    // Both outcomes occur: free pages can be damaged harmlessly, most others cannot.
    expect(outcomes.started).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(pages / 2);
    // Refusing is right for almost every page; the backup it names must really be a healthy copy.
    expect(readFileSync(join(healthy, BACKUP_FILE)).length).toBeGreaterThan(0);
  });
});
