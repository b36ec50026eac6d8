import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteQaStore } from "../../src/store/index.ts";
import { articleCorpus } from "./fixtures/article-corpus.ts";
import { steppingClock, tempDir } from "./fixtures/temp-dir.ts";

describe("the log of asked questions", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir("question-log");
  });
  afterEach(() => dir.remove());

  /** A store whose clock moves one second per question, with a small log. */
  function storeKeeping(questionLog: { perServer: number; maxAgeMs: number }) {
    return openSqliteQaStore({
      dataDir: dir.path,
      corpus: articleCorpus(),
      now: steppingClock(),
      questionLog,
    });
  }
  const asked = async (store: ReturnType<typeof storeKeeping>, guild: string) =>
    (await store.gaps(guild, { limit: 100 })).map((gap) => gap.question);

  it("keeps each server's newest questions, and a busy server never pushes out another's", async () => {
    const store = storeKeeping({ perServer: 30, maxAgeMs: 24 * 60 * 60_000 });
    try {
      for (let n = 0; n < 5; n++) await store.recordQuestion("quiet-guild", `Quiet ${n}?`, false);
      for (let n = 0; n < 295; n++) await store.recordQuestion("busy-guild", `Busy ${n}?`, false);
      // Written in batches of 100, each trimming its servers' logs: the busy one's to its newest 30.
      expect(await asked(store, "busy-guild")).toEqual(
        Array.from({ length: 30 }, (_, i) => `Busy ${294 - i}?`),
      );
      expect(await asked(store, "quiet-guild")).toHaveLength(5);
    } finally {
      await store.close();
    }
  });

  it("forgets questions older than its age limit", async () => {
    const store = storeKeeping({ perServer: 1_000, maxAgeMs: 50_000 });
    try {
      for (let n = 0; n < 100; n++) await store.recordQuestion("guild-1", `Question ${n}?`, false);
      // Asked at second n; the batch ending at second 99 keeps what was asked from second 49 on.
      expect(await asked(store, "guild-1")).toEqual(
        Array.from({ length: 51 }, (_, i) => `Question ${99 - i}?`),
      );
    } finally {
      await store.close();
    }
  });
});
