import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import { QuizGame, type QuizStage } from "../../src/quiz/quiz-game.ts";
import { ManualTimer } from "../bot/manual-clock.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const questions = makeQuiz(corpus, { seed: 11, rounds: 3 });

/** A stage that writes down what the front end was asked to show, and can be made to fail. */
function recordingStage(fail: Partial<Record<keyof QuizStage, true>> = {}) {
  const shown: string[] = [];
  const stage: QuizStage = {
    async ask(round) {
      if (fail.ask) throw new Error("ask failed");
      shown.push(`ask ${round}`);
    },
    async reveal(outcome, summary) {
      if (fail.reveal) throw new Error("reveal failed");
      shown.push(
        `reveal ${outcome.round} right=${outcome.right} wrong=${outcome.wrong}${summary ? " last" : ""}`,
      );
    },
    async abandon(round) {
      shown.push(`abandon ${round}`);
    },
  };
  return { stage, shown };
}

function gameWith(stage: QuizStage) {
  const timer = new ManualTimer();
  const recorded: string[] = [];
  const overs: unknown[] = [];
  const game = new QuizGame({
    id: "q1",
    questions,
    seconds: 20,
    timer,
    stage,
    recordRound: async (round, answers) => {
      recorded.push(`${round}:${answers.map((a) => `${a.userId}=${a.correct}`).join(",")}`);
    },
    onOver: (failure) => overs.push(failure ?? "done"),
  });
  return { game, timer, recorded, overs };
}

const rightOf = (round: number) => questions[round - 1]?.answer ?? 0;
const wrongOf = (round: number) => (rightOf(round) + 1) % 4;

describe("a quiz game", () => {
  it("takes one answer per member per round, closes on the timer, records, reveals, then asks the next", async () => {
    const { stage, shown } = recordingStage();
    const { game, timer, recorded, overs } = gameWith(stage);
    await game.start();
    expect(timer.nextMs).toBe(20_000);
    expect(game.answer("alice", 1, rightOf(1))).toEqual({ counted: true, choice: rightOf(1) });
    expect(game.answer("bob", 1, wrongOf(1))).toEqual({ counted: true, choice: wrongOf(1) });
    expect(game.answer("alice", 1, wrongOf(1))).toEqual({
      counted: false,
      reason: "again",
      choice: rightOf(1),
    });
    await timer.fire();
    await waitFor(() => shown.includes("ask 2"));
    expect(game.answer("carol", 1, rightOf(1))).toEqual({ counted: false, reason: "closed" });
    expect(recorded).toEqual(["1:alice=true,bob=false"]);

    await timer.fire();
    await waitFor(() => shown.includes("ask 3"));
    game.answer("bob", 3, rightOf(3));
    await timer.fire();
    await waitFor(() => overs.length > 0);
    expect(shown).toEqual([
      "ask 1",
      "reveal 1 right=alice wrong=bob",
      "ask 2",
      "reveal 2 right= wrong=",
      "ask 3",
      "reveal 3 right=bob wrong= last",
    ]);
    expect(overs).toEqual(["done"]);
    expect(timer.running).toBe(0);
    expect(await game.stop()).toBeUndefined();
  });

  it("stops early without revealing or scoring the open round", async () => {
    const { stage, shown } = recordingStage();
    const { game, timer, recorded, overs } = gameWith(stage);
    await game.start();
    game.answer("alice", 1, rightOf(1));
    await timer.fire();
    await waitFor(() => shown.includes("ask 2"));
    game.answer("alice", 2, rightOf(2));
    const summary = await game.stop();
    expect(summary).toEqual({ played: 1, total: 3, standings: [{ userId: "alice", right: 1, answered: 1 }] });
    expect(shown.at(-1)).toBe("abandon 2");
    expect(recorded).toEqual(["1:alice=true"]);
    expect(timer.running).toBe(0);
    expect(game.answer("bob", 2, 0)).toEqual({ counted: false, reason: "closed" });
    expect(overs).toEqual(["done"]);
  });

  it("ends, and says why, when the front end cannot show a step", async () => {
    const failedStart = gameWith(recordingStage({ ask: true }).stage);
    await expect(failedStart.game.start()).rejects.toThrow("ask failed");
    expect(failedStart.overs).toHaveLength(1);
    expect(failedStart.timer.running).toBe(0);

    const failedReveal = gameWith(recordingStage({ reveal: true }).stage);
    await failedReveal.game.start();
    await failedReveal.timer.fire();
    await waitFor(() => failedReveal.overs.length > 0);
    expect(String(failedReveal.overs[0])).toMatch(/reveal failed/);
  });
});

/** Steps run on promises the test does not hold: yield to them until the condition holds. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 1000) throw new Error("condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
