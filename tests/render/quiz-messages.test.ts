import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import { quizCandidates } from "../../src/quiz/question-kinds.ts";
import {
  decodeQuizButton,
  renderClosedQuestion,
  renderLeaderboard,
  renderQuestion,
  renderRecord,
  renderReveal,
  renderStopped,
} from "../../src/render/discord/quiz-messages.ts";
import { limitViolations } from "./discord-limits.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const candidates = quizCandidates(corpus);
/** Enough members to overflow every list: each a 20-digit id, as long as Discord's get. */
const members = Array.from({ length: 300 }, (_, i) => String(10n ** 19n + BigInt(i)));
const standings = members.map((userId, i) => ({ userId, right: 300 - i, answered: 1000 }));

describe("quiz messages", () => {
  it("fit Discord's limits for every question of many quizzes, open, closed and revealed", () => {
    for (let seed = 0; seed < 60; seed++) {
      const questions = makeQuiz(corpus, { seed, rounds: 10 }, candidates);
      questions.forEach((question, index) => {
        const view = {
          quizId: "Ab-_0123Cd",
          round: index + 1,
          total: 10,
          seconds: 60,
          seed: 999_999,
          question,
        };
        const outcome = { round: index + 1, question, right: members, wrong: members };
        const summary = { played: 10, total: 10, standings };
        for (const payload of [
          renderQuestion(view, "Only 3 questions match: this quiz has 3 rounds."),
          renderClosedQuestion(view, true),
          renderClosedQuestion(view, false),
          renderReveal(outcome, summary),
        ]) {
          expect(limitViolations(payload), question.id).toEqual([]);
        }
      });
    }
    const summary = { played: 3, total: 10, standings };
    expect(limitViolations(renderStopped(summary, members[0] ?? ""))).toEqual([]);
    expect(limitViolations(renderLeaderboard(standings.slice(0, 10), standings.slice(0, 10)))).toEqual([]);
    expect(limitViolations(renderRecord(members[0] ?? ""))).toEqual([]);
  });

  it("carry answer buttons that decode to their quiz, round and choice, and nothing else", () => {
    const [question] = makeQuiz(corpus, { seed: 3, rounds: 1 }, candidates);
    if (question === undefined) throw new Error("no question");
    const payload = renderQuestion({ quizId: "q-1", round: 4, total: 5, seconds: 20, seed: 3, question });
    const ids = payload.components[0]?.components.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(ids?.map(decodeQuizButton)).toEqual(
      [0, 1, 2, 3].map((choice) => ({ quizId: "q-1", round: 4, choice })),
    );
    for (const forged of ["quiz:q-1:4:7", "quiz:q-1:x:1", "quiz::1:1", "page:q-1:4:1"])
      expect(decodeQuizButton(forged)).toBeUndefined();
  });

  it("list as many whole mentions as fit, then how many more", () => {
    const [question] = makeQuiz(corpus, { seed: 3, rounds: 1 }, candidates);
    if (question === undefined) throw new Error("no question");
    const reveal = renderReveal({ round: 1, question, right: members, wrong: [] });
    const value = reveal.embeds[0]?.fields?.[0]?.value ?? "";
    expect(value).toMatch(/^(<@\d{20}> )+and \d+ more$/);
    expect(value.length).toBeLessThanOrEqual(1024);
  });

  it("name members by mention, never pinging, and escape everything else", () => {
    const stopped = renderStopped({ played: 0, total: 2, standings: [] }, "1198765432109876001");
    expect(stopped.content).toBe("<@1198765432109876001> stopped the quiz after 0 of 2 rounds.");
    expect(stopped.embeds[0]?.description).toBe("Nobody answered.");
    const record = renderRecord("not-a-snowflake_*");
    expect(record.embeds[0]?.description).toContain("not-a-snowflake\\_\\*");
  });
});
