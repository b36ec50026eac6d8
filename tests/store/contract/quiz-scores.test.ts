import { describe, expect, it } from "vitest";
import { articleCorpus } from "../fixtures/article-corpus.ts";
import { newStoreHome, type StoreHome } from "../fixtures/test-store.ts";

const GUILD = "guild-1";

/** A store whose clock the test sets, to put answers inside and outside the last seven days. */
function storeAt(home: StoreHome, clock: { now: Date }) {
  return home.open(articleCorpus(), () => clock.now);
}

describe("quiz scores in the store", () => {
  it("rank members all time and over the last 7 days, and survive reopening", async () => {
    const home = await newStoreHome();
    const clock = { now: new Date("2024-03-01T12:00:00Z") };
    const store = await storeAt(home, clock);
    // Ten days ago: alice right twice, bob once.
    await store.recordQuizRound(GUILD, {
      quizId: "old",
      round: 1,
      answers: [
        { userId: "alice", correct: true },
        { userId: "bob", correct: true },
      ],
    });
    await store.recordQuizRound(GUILD, {
      quizId: "old",
      round: 2,
      answers: [{ userId: "alice", correct: true }],
    });
    clock.now = new Date("2024-03-11T12:00:00Z");
    // This week: bob right twice, carol right once, alice wrong once.
    await store.recordQuizRound(GUILD, {
      quizId: "new",
      round: 1,
      answers: [
        { userId: "bob", correct: true },
        { userId: "carol", correct: true },
        { userId: "alice", correct: false },
      ],
    });
    await store.recordQuizRound(GUILD, {
      quizId: "new",
      round: 2,
      answers: [{ userId: "bob", correct: true }],
    });
    // Another server's scores never mix in.
    await store.recordQuizRound("guild-2", {
      quizId: "x",
      round: 1,
      answers: [{ userId: "dave", correct: true }],
    });
    await store.close();

    const reopened = await storeAt(home, clock);
    // bob: 3 right of 3; alice: 2 right of 3; carol: 1 of 1.
    expect(await reopened.quizLeaderboard(GUILD, { limit: 10 })).toEqual([
      { userId: "bob", right: 3, answered: 3 },
      { userId: "alice", right: 2, answered: 3 },
      { userId: "carol", right: 1, answered: 1 },
    ]);
    // bob 2 of 2; carol 1 of 1 (right as often as alice is never, ahead of her 0 of 1).
    expect(await reopened.quizLeaderboard(GUILD, { days: 7, limit: 10 })).toEqual([
      { userId: "bob", right: 2, answered: 2 },
      { userId: "carol", right: 1, answered: 1 },
      { userId: "alice", right: 0, answered: 1 },
    ]);
    expect(await reopened.quizLeaderboard(GUILD, { limit: 1 })).toHaveLength(1);
    expect(await reopened.quizRecord(GUILD, "alice", {})).toEqual({
      userId: "alice",
      right: 2,
      answered: 3,
      rank: 2,
      players: 3,
    });
    expect(await reopened.quizRecord(GUILD, "alice", { days: 7 })).toMatchObject({ rank: 3, players: 3 });
    expect(await reopened.quizRecord(GUILD, "dave", {})).toBeUndefined();
    await reopened.close();
    await home.remove();
  });

  it("count a round once however often it is recorded, and refuse malformed rounds", async () => {
    const other = await newStoreHome();
    const store = await storeAt(other, { now: new Date("2024-03-01T12:00:00Z") });
    const round = { quizId: "q", round: 1, answers: [{ userId: "alice", correct: true }] };
    await store.recordQuizRound(GUILD, round);
    await store.recordQuizRound(GUILD, round);
    expect(await store.quizRecord(GUILD, "alice", {})).toMatchObject({ right: 1, answered: 1 });
    await expect(store.recordQuizRound(GUILD, { ...round, round: 0 })).rejects.toThrow();
    await expect(store.recordQuizRound("", round)).rejects.toThrow();
    await store.close();
    await other.remove();
  });
});
