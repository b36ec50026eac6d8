import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteQaStore } from "../../src/store/index.ts";
import { articleCorpus } from "./fixtures/article-corpus.ts";
import { steppingClock, tempDir } from "./fixtures/temp-dir.ts";
import { openTestStore, type TestStore } from "./fixtures/test-store.ts";

describe("feedback and gaps", () => {
  let t: TestStore;
  beforeEach(() => {
    t = openTestStore();
  });
  afterEach(() => t.cleanup());

  it("counts one vote per member, result and question; voting again replaces the vote", async () => {
    await t.store.recordFeedback("guild-1", "why-now", "Why now?", "up", "member-1");
    await t.store.recordFeedback("guild-1", "why-now", "Why now?", "up", "member-2");
    await t.store.recordFeedback("guild-1", "why-now", "why  NOW", "down", "member-2");
    await t.store.recordFeedback("guild-1", "why-now", "What changed?", "down", "member-2");
    await t.store.recordFeedback("guild-2", "why-now", "Why now?", "down", "member-3");
    await t.store.recordFeedback("guild-1", "other", "Why now?", "up", "member-1");

    expect(await t.store.feedbackCounts("why-now")).toEqual({ up: 1, down: 3 });
    expect(await t.store.feedbackCounts("why-now", "guild-1")).toEqual({ up: 1, down: 2 });
    expect(await t.store.feedbackCounts("never-voted")).toEqual({ up: 0, down: 0 });
  });

  it("lists unconfident and voted-down questions once per folded wording, most recent first", async () => {
    // The stepping clock gives each call its own second, so "recent" follows the call order.
    await t.store.recordQuestion("guild-1", "What is the Minsk agreement?", false);
    await t.store.recordQuestion("guild-1", "Who is Lavrov?", true);
    await t.store.recordQuestion("guild-1", "Why now?", true);
    await t.store.recordFeedback("guild-1", "why-now", "Why now?", "down", "member-1");
    await t.store.recordQuestion("guild-1", "what is the  MINSK agreement", false);
    await t.store.recordQuestion("guild-2", "Only in another guild?", false);
    await t.store.recordFeedback("guild-1", "x", "Liked question", "up", "member-1");

    const gaps = await t.store.gaps("guild-1", { limit: 10 });
    expect(gaps.map(({ lastAskedAt: _, ...gap }) => gap)).toEqual([
      { question: "what is the  MINSK agreement", unconfident: 2, downvotes: 0 },
      { question: "Why now?", unconfident: 0, downvotes: 1 },
    ]);
    const [minsk, whyNow] = gaps.map((gap) => Date.parse(gap.lastAskedAt));
    expect(minsk).toBeGreaterThan(whyNow ?? Number.POSITIVE_INFINITY);
    expect(await t.store.gaps("guild-1", { limit: 1 })).toHaveLength(1);
  });

  it("cuts very long logged questions without splitting a character in two", async () => {
    await t.store.recordQuestion("guild-1", `${"a".repeat(999)}😀 and more`, false);
    const [gap] = await t.store.gaps("guild-1", { limit: 1 });
    expect(gap?.question).toBe("a".repeat(999));
  });

  it("stops listing a question once its only down vote is changed to up", async () => {
    await t.store.recordFeedback("guild-1", "why-now", "Why now?", "down", "member-1");
    expect(await t.store.gaps("guild-1", { limit: 5 })).toHaveLength(1);
    await t.store.recordFeedback("guild-1", "why-now", "Why now?", "up", "member-1");
    expect(await t.store.gaps("guild-1", { limit: 5 })).toEqual([]);
  });
});

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
