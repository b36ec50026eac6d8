import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "../fixtures/test-store.ts";

describe("feedback and gaps", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
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
