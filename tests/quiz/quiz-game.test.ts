import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import type { QuizQuestion } from "../../src/quiz/question-kinds.ts";
import { QuizHost, type QuizStage, SWEEP_GRACE_MS } from "../../src/quiz/quiz-game.ts";
import { memoryQuizRounds } from "../../src/store/index.ts";
import type { QuizGameRecord } from "../../src/store/quiz-rounds.ts";
import { ManualTimer, TestClock } from "../bot/manual-clock.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const questions = makeQuiz(corpus, { seed: 11, rounds: 3 });

/** A stage that writes down what the front end was asked to show, and can be made to fail. */
function recordingStage(fail: { reveal?: true } = {}) {
  const shown: string[] = [];
  const stage: QuizStage = {
    async ask(round) {
      shown.push(`ask ${round}`);
      return `message-${round}`;
    },
    async reveal(outcome, messageId, summary) {
      if (fail.reveal) throw new Error("reveal failed");
      shown.push(
        `reveal ${outcome.round} in ${messageId} right=${outcome.right} wrong=${outcome.wrong}${summary ? " last" : ""}`,
      );
    },
    async abandon(round, _question, messageId) {
      shown.push(`abandon ${round} in ${messageId}`);
    },
  };
  return { stage, shown };
}

const quizRecord = (quizId: string, clock: TestClock): QuizGameRecord => ({
  quizId,
  guildId: "guild-1",
  channelId: `channel-${quizId}`,
  starterId: "alice",
  applicationId: "app",
  token: "token",
  seed: 11,
  total: questions.length,
  seconds: 20,
  startedAt: clock.now(),
});

/** Hosts on one store: two of them stand for two replicas sharing it (the stage is the channel). */
function hostsWith(stage: QuizStage, count = 1, rounds = memoryQuizRounds()) {
  const clock = new TestClock();
  const recorded: string[] = [];
  const failures: unknown[] = [];
  const hosts = Array.from({ length: count }, () => {
    const timer = new ManualTimer();
    const host = new QuizHost({
      store: rounds,
      seconds: 20,
      timer,
      now: () => clock.now(),
      stageOf: () => stage,
      parseQuestion: (json) => JSON.parse(json) as QuizQuestion,
      recordRound: async (_quiz, round, answers) => {
        recorded.push(`${round}:${answers.map((a) => `${a.userId}=${a.correct}`).join(",")}`);
      },
      onFailure: (_quiz, error) => failures.push(error),
    });
    return { host, timer };
  });
  return { hosts, clock, recorded, failures, rounds };
}

const rightOf = (round: number) => questions[round - 1]?.answer ?? 0;
const wrongOf = (round: number) => (rightOf(round) + 1) % 4;

describe("quizzes kept in the store", () => {
  it("take one answer per member per round, close on the timer, record, reveal, then ask the next", async () => {
    const { stage, shown } = recordingStage();
    const { hosts, clock, recorded } = hostsWith(stage);
    const [only] = hosts;
    if (only === undefined) throw new Error("no host");
    const { host, timer } = only;
    expect(await host.start(quizRecord("q1", clock), questions, async () => void shown.push("ask 1"))).toBe(
      true,
    );
    expect(timer.nextMs).toBe(20_000);
    expect(await host.answer("q1", 1, "alice", rightOf(1))).toEqual({ counted: true, choice: rightOf(1) });
    expect(await host.answer("q1", 1, "bob", wrongOf(1))).toEqual({ counted: true, choice: wrongOf(1) });
    expect(await host.answer("q1", 1, "alice", wrongOf(1))).toEqual({
      counted: false,
      reason: "again",
      choice: rightOf(1),
    });
    await timer.fire();
    await waitFor(() => shown.includes("ask 2"));
    expect(await host.answer("q1", 1, "carol", rightOf(1))).toMatchObject({
      counted: false,
      reason: "closed",
    });
    expect(recorded).toEqual(["1:alice=true,bob=false"]);

    await timer.fire();
    await waitFor(() => shown.includes("ask 3"));
    await host.answer("q1", 3, "bob", rightOf(3));
    await timer.fire();
    await waitFor(() => shown.some((line) => line.endsWith("last")));
    expect(shown).toEqual([
      "ask 1",
      "reveal 1 in @original right=alice wrong=bob",
      "ask 2",
      "reveal 2 in message-2 right= wrong=",
      "ask 3",
      "reveal 3 in message-3 right=bob wrong= last",
    ]);
    expect(timer.running).toBe(0);
    expect(await host.answer("q1", 3, "carol", 0)).toEqual({ counted: false, reason: "ended" });
    expect(await host.stop("q1")).toBeUndefined();
  });

  it("stop early without revealing or scoring the open round", async () => {
    const { stage, shown } = recordingStage();
    const { hosts, clock, recorded } = hostsWith(stage);
    const { host, timer } = hosts[0] ?? { host: undefined, timer: undefined };
    if (host === undefined) throw new Error("no host");
    await host.start(quizRecord("q2", clock), questions, async () => {});
    await host.answer("q2", 1, "alice", rightOf(1));
    await timer.fire();
    await waitFor(() => shown.includes("ask 2"));
    await host.answer("q2", 2, "alice", rightOf(2));
    const summary = await host.stop("q2");
    expect(summary).toEqual({ played: 1, total: 3, standings: [{ userId: "alice", right: 1, answered: 1 }] });
    expect(shown.at(-1)).toBe("abandon 2 in message-2");
    expect(recorded).toEqual(["1:alice=true"]);
    expect(timer.running).toBe(0);
    expect(await host.answer("q2", 2, "bob", 0)).toEqual({ counted: false, reason: "ended" });
  });

  it("let answers count on every host, and reveal each round once whoever's timer or sweep gets there", async () => {
    const { stage, shown } = recordingStage();
    const { hosts, clock, recorded } = hostsWith(stage, 2);
    const [first, second] = hosts;
    if (first === undefined || second === undefined) throw new Error("no hosts");
    await first.host.start(quizRecord("q3", clock), questions, async () => {});
    await first.host.answer("q3", 1, "alice", rightOf(1));
    expect(await second.host.answer("q3", 1, "bob", wrongOf(1))).toMatchObject({ counted: true });
    expect(await second.host.answer("q3", 1, "alice", wrongOf(1))).toMatchObject({ reason: "again" });

    // Past the deadline, a sweep on the second host and the first host's timer both try to reveal.
    clock.advance(20_000 + SWEEP_GRACE_MS);
    await Promise.all([second.host.sweep(), first.timer.fire()]);
    await waitFor(() => shown.includes("ask 2"));
    expect(shown.filter((line) => line.startsWith("reveal 1"))).toEqual([
      "reveal 1 in @original right=alice wrong=bob",
    ]);
    expect(recorded).toEqual(["1:alice=true,bob=false"]);
  });

  it("reveal a round its host left behind when an answer arrives past the deadline", async () => {
    const { stage, shown } = recordingStage();
    const { hosts, clock } = hostsWith(stage, 2);
    const [gone, other] = hosts;
    if (gone === undefined || other === undefined) throw new Error("no hosts");
    await gone.host.start(quizRecord("q4", clock), questions, async () => {});
    await other.host.answer("q4", 1, "alice", rightOf(1));
    clock.advance(20_000);
    expect(await other.host.answer("q4", 1, "bob", rightOf(1))).toEqual({
      counted: false,
      reason: "closed",
      overdue: true,
    });
    await waitFor(() => shown.includes("ask 2"));
    expect(shown).toContain("reveal 1 in @original right=alice wrong=");
    expect(other.timer.running).toBe(1);
  });

  it("ends, and says why, when the front end cannot show a reveal", async () => {
    const { stage } = recordingStage({ reveal: true });
    const { hosts, clock, failures, rounds } = hostsWith(stage);
    const { host, timer } = hosts[0] ?? { host: undefined, timer: undefined };
    if (host === undefined) throw new Error("no host");
    await host.start(quizRecord("q5", clock), questions, async () => {});
    await timer.fire();
    await waitFor(() => failures.length > 0);
    expect(String(failures[0])).toMatch(/reveal failed/);
    expect(await rounds.runningQuiz("channel-q5")).toBeUndefined();

    await expect(
      host.start(quizRecord("q6", clock), questions, async () => {
        throw new Error("ask failed");
      }),
    ).rejects.toThrow("ask failed");
    expect(await rounds.runningQuiz("channel-q6")).toBeUndefined();
    expect(timer.running).toBe(0);
  });
});

/** Steps run on promises the test does not hold: yield to them until the condition holds. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 1000) throw new Error("condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
