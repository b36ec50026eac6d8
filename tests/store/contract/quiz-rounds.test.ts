import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QaStore, QuizGameRecord } from "../../../src/store/index.ts";
import { articleCorpus } from "../fixtures/article-corpus.ts";
import { newStoreHome, type StoreHome } from "../fixtures/test-store.ts";

const T0 = Date.UTC(2024, 2, 1, 12);
const SECONDS = 20;

const quiz = (quizId: string, overrides: Partial<QuizGameRecord> = {}): QuizGameRecord => ({
  quizId,
  guildId: "guild-1",
  channelId: "channel-1",
  starterId: "starter",
  applicationId: "app-1",
  token: "webhook-token",
  seed: 42,
  total: 3,
  seconds: SECONDS,
  startedAt: T0,
  ...overrides,
});
/** Three rounds whose right answers are 0, 1 and 2. */
const plans = [1, 2, 3].map((round) => ({
  round,
  questionJson: JSON.stringify({ prompt: `Question ${round}?` }),
  rightChoice: round - 1,
}));
const deadline = T0 + SECONDS * 1000;

/**
 * Two stores on one database stand for two replicas (two processes on one SQLite file, two replicas
 * on one Postgres): what one writes, the other reads, and a move that must happen once happens once
 * whichever of them asks.
 */
describe("quiz rounds in the store", () => {
  let home: StoreHome;
  let one: QaStore;
  let two: QaStore;
  beforeEach(async () => {
    home = await newStoreHome();
    one = await home.open(articleCorpus());
    two = await home.open(articleCorpus());
  });
  afterEach(async () => {
    await one.close();
    await two.close();
    await home.remove();
  });

  it("run one quiz per channel, and find it from any store", async () => {
    expect(await one.quizRounds.startQuiz(quiz("q1"), plans, deadline)).toBe(true);
    expect(await two.quizRounds.startQuiz(quiz("q2"), plans, deadline)).toBe(false);
    expect(await two.quizRounds.runningQuiz("channel-1")).toEqual(quiz("q1"));
    expect(await two.quizRounds.startQuiz(quiz("q3", { channelId: "channel-2" }), plans, deadline)).toBe(
      true,
    );
    expect(await one.quizRounds.runningQuiz("channel-3")).toBeUndefined();
  });

  it("count each member's first answer once, whichever store takes it, and none after the deadline", async () => {
    await one.quizRounds.startQuiz(quiz("q1"), plans, deadline);
    const answer = (store: QaStore, userId: string, choice: number, at = T0 + 1000) =>
      store.quizRounds.answerRound({ quizId: "q1", round: 1, userId, choice, at });
    // The same member pressing on both at once: one press counts, the other is told their answer.
    const [first, second] = await Promise.all([answer(one, "alice", 0), answer(two, "alice", 3)]);
    const counted = [first, second].filter((verdict) => verdict.counted);
    expect(counted).toHaveLength(1);
    const choice = counted[0]?.counted ? counted[0].choice : undefined;
    expect([first, second]).toContainEqual({ counted: false, reason: "again", choice });
    expect(await answer(two, "bob", 1)).toEqual({ counted: true, choice: 1 });
    expect(await answer(one, "carol", 0, deadline)).toEqual({
      counted: false,
      reason: "closed",
      overdue: true,
    });
    expect(await answer(one, "carol", 0, deadline + 1)).toMatchObject({ overdue: true });
    expect(
      await two.quizRounds.answerRound({ quizId: "q1", round: 2, userId: "x", choice: 0, at: T0 }),
    ).toEqual({ counted: false, reason: "closed", overdue: false });
    expect(
      await two.quizRounds.answerRound({ quizId: "nope", round: 1, userId: "x", choice: 0, at: T0 }),
    ).toEqual({ counted: false, reason: "ended" });
  });

  it("reveal a round once when two stores claim it at the same moment, with its answers in order", async () => {
    await one.quizRounds.startQuiz(quiz("q1"), plans, deadline);
    await one.quizRounds.placeRound("q1", 1, "@original");
    for (const [userId, choice] of [
      ["bob", 2],
      ["alice", 0],
      ["carol", 0],
    ] as const) {
      await two.quizRounds.answerRound({ quizId: "q1", round: 1, userId, choice, at: T0 });
    }
    expect(await one.quizRounds.overdueRounds(deadline - 1, 10)).toEqual([]);
    expect(await two.quizRounds.overdueRounds(deadline, 10)).toEqual([
      { quizId: "q1", round: 1, startedAt: T0 },
    ]);
    const claims = await Promise.all([
      one.quizRounds.claimReveal("q1", 1),
      two.quizRounds.claimReveal("q1", 1),
    ]);
    const won = claims.filter((claim) => claim !== undefined);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({
      quiz: quiz("q1"),
      round: 1,
      rightChoice: 0,
      messageId: "@original",
      answers: [
        { userId: "bob", choice: 2 },
        { userId: "alice", choice: 0 },
        { userId: "carol", choice: 0 },
      ],
    });
    expect(sortTallies(won[0]?.tallies ?? [])).toEqual([
      { userId: "alice", right: 1, answered: 1 },
      { userId: "bob", right: 0, answered: 1 },
      { userId: "carol", right: 1, answered: 1 },
    ]);
    expect(await one.quizRounds.overdueRounds(deadline + 60_000, 10)).toEqual([]);
    expect(
      await two.quizRounds.answerRound({ quizId: "q1", round: 1, userId: "dave", choice: 0, at: T0 }),
    ).toEqual({ counted: false, reason: "closed", overdue: false });
  });

  it("open the next round once, carry the quiz to its end, and then let the channel start another", async () => {
    await one.quizRounds.startQuiz(quiz("q1", { total: 2 }), plans.slice(0, 2), deadline);
    await one.quizRounds.answerRound({ quizId: "q1", round: 1, userId: "alice", choice: 0, at: T0 });
    await one.quizRounds.claimReveal("q1", 1);
    const next = deadline + 30_000;
    const opened = await Promise.all([
      one.quizRounds.openRound("q1", 2, next),
      two.quizRounds.openRound("q1", 2, next),
    ]);
    expect(opened.filter((round) => round !== undefined)).toEqual([
      { round: 2, questionJson: plans[1]?.questionJson },
    ]);
    expect(await two.quizRounds.placeRound("q1", 2, "message-2")).toBe(true);
    await two.quizRounds.answerRound({ quizId: "q1", round: 2, userId: "alice", choice: 1, at: next - 1 });
    const last = await two.quizRounds.claimReveal("q1", 2);
    expect(last).toMatchObject({
      messageId: "message-2",
      tallies: [{ userId: "alice", right: 2, answered: 2 }],
    });
    // The last reveal ended the quiz: its buttons now answer "ended", and the channel is free.
    expect(await one.quizRounds.runningQuiz("channel-1")).toBeUndefined();
    expect(
      await one.quizRounds.answerRound({ quizId: "q1", round: 2, userId: "bob", choice: 1, at: T0 }),
    ).toEqual({ counted: false, reason: "ended" });
    expect(await one.quizRounds.endQuiz("q1")).toBeUndefined();
    expect(await two.quizRounds.startQuiz(quiz("q2"), plans, deadline)).toBe(true);
  });

  it("end a quiz once, its open round closed unrevealed and unclaimable", async () => {
    await one.quizRounds.startQuiz(quiz("q1"), plans, deadline);
    await one.quizRounds.answerRound({ quizId: "q1", round: 1, userId: "alice", choice: 0, at: T0 });
    await one.quizRounds.claimReveal("q1", 1);
    await one.quizRounds.openRound("q1", 2, deadline * 2);
    await one.quizRounds.placeRound("q1", 2, "message-2");
    const ended = await Promise.all([one.quizRounds.endQuiz("q1"), two.quizRounds.endQuiz("q1")]);
    const stopped = ended.filter((end) => end !== undefined);
    expect(stopped).toEqual([
      {
        quiz: quiz("q1"),
        played: 1,
        tallies: [{ userId: "alice", right: 1, answered: 1 }],
        open: { round: 2, questionJson: plans[1]?.questionJson, messageId: "message-2" },
      },
    ]);
    expect(await two.quizRounds.claimReveal("q1", 2)).toBeUndefined();
    expect(await two.quizRounds.openRound("q1", 3, deadline * 3)).toBeUndefined();
    expect(await one.quizRounds.placeRound("q1", 2, "message-2")).toBe(false);
    expect(await one.quizRounds.overdueRounds(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it("end every running quiz at once, keep them across reopening, and forget them a day later", async () => {
    await one.quizRounds.startQuiz(quiz("q1"), plans, deadline);
    await one.quizRounds.startQuiz(quiz("q2", { channelId: "channel-2" }), plans, deadline);
    await one.quizRounds.answerRound({ quizId: "q1", round: 1, userId: "alice", choice: 0, at: T0 });
    await one.close();
    one = await home.open(articleCorpus());
    expect(await one.quizRounds.runningQuiz("channel-2")).toEqual(quiz("q2", { channelId: "channel-2" }));
    await one.quizRounds.endAllQuizzes();
    expect(await two.quizRounds.runningQuiz("channel-1")).toBeUndefined();
    expect(await two.quizRounds.runningQuiz("channel-2")).toBeUndefined();

    // A day on, starting a quiz forgets the old ones: their rounds and answers with them.
    const later = T0 + 24 * 60 * 60_000 + 1;
    expect(await home.countRows("quiz_round_answers")).toBe(1);
    await two.quizRounds.startQuiz(quiz("q3", { startedAt: later }), plans, later + 20_000);
    expect(await home.countRows("quiz_games")).toBe(1);
    expect(await home.countRows("quiz_rounds")).toBe(3);
    expect(await home.countRows("quiz_round_answers")).toBe(0);
  });

  it("refuse malformed quizzes and answers", async () => {
    await expect(one.quizRounds.startQuiz(quiz(""), plans, deadline)).rejects.toThrow();
    await expect(one.quizRounds.startQuiz(quiz("q1", { total: 0 }), plans, deadline)).rejects.toThrow();
    await expect(
      one.quizRounds.answerRound({ quizId: "q1", round: 0, userId: "a", choice: 0, at: T0 }),
    ).rejects.toThrow();
    expect(await one.quizRounds.runningQuiz("channel-1")).toBeUndefined();
  });
});

function sortTallies<T extends { userId: string }>(tallies: readonly T[]): T[] {
  return [...tallies].sort((a, b) => a.userId.localeCompare(b.userId));
}
