import { describe, expect, it } from "vitest";
import type { QaStore } from "../../../src/store/index.ts";
import { articleCorpus } from "../fixtures/article-corpus.ts";
import { steppingClock } from "../fixtures/temp-dir.ts";
import { newStoreHome } from "../fixtures/test-store.ts";

describe("the log of asked questions", () => {
  /** A store whose clock moves one second per question, with a small log. */
  async function withStore(
    questionLog: { perServer: number; maxAgeMs: number },
    use: (store: QaStore) => Promise<void>,
  ) {
    const home = await newStoreHome();
    const store = await home.open(articleCorpus(), steppingClock(), questionLog);
    try {
      await use(store);
    } finally {
      await store.close();
      await home.remove();
    }
  }
  const asked = async (store: QaStore, guild: string) =>
    (await store.gaps(guild, { limit: 100 })).map((gap) => gap.question);

  it("keeps each server's newest questions, and a busy server never pushes out another's", async () => {
    await withStore({ perServer: 30, maxAgeMs: 24 * 60 * 60_000 }, async (store) => {
      for (let n = 0; n < 5; n++) await store.recordQuestion("quiet-guild", `Quiet ${n}?`, false);
      for (let n = 0; n < 295; n++) await store.recordQuestion("busy-guild", `Busy ${n}?`, false);
      // Written in batches of 100, each trimming its servers' logs: the busy one's to its newest 30.
      expect(await asked(store, "busy-guild")).toEqual(
        Array.from({ length: 30 }, (_, i) => `Busy ${294 - i}?`),
      );
      expect(await asked(store, "quiet-guild")).toHaveLength(5);
    });
  });

  it("forgets questions older than its age limit", async () => {
    await withStore({ perServer: 1_000, maxAgeMs: 50_000 }, async (store) => {
      for (let n = 0; n < 100; n++) await store.recordQuestion("guild-1", `Question ${n}?`, false);
      // Asked at second n; the batch ending at second 99 keeps what was asked from second 49 on.
      expect(await asked(store, "guild-1")).toEqual(
        Array.from({ length: 51 }, (_, i) => `Question ${99 - i}?`),
      );
    });
  });
});
