import { describe, expect, it } from "vitest";
import type { Answer, AnswerResult } from "../../src/answer/answer.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import { formatEvaluationReport } from "../../src/eval/eval-report.ts";
import { parseEvaluationQuestions, readEvaluationFile } from "../../src/eval/questions-file.ts";
import { scoreEvaluation } from "../../src/eval/score-evaluation.ts";
import { shownCards } from "../../src/render/discord/render-answer-page.ts";
import { UserError } from "../../src/user-error.ts";

const citation = { article: "a", title: "A", authors: [], paragraph: 1 };
const result = (texts: string[], summary?: string): AnswerResult => ({
  kind: summary ? "qa" : "passage",
  id: texts[0] ?? "none",
  ...(summary ? { summary } : {}),
  excerpts: texts.map((text) => ({ text, highlights: [], citation })),
  score: 1,
});

/** A dossier whose only behaviour is a fixed answer per question. */
function fakeDossier(answers: Record<string, Answer | UserError>): Dossier {
  const ask = (question: string): Answer => {
    const answer = answers[question];
    if (answer instanceof UserError) throw answer;
    return answer ?? { confident: false, results: [] };
  };
  const unused = (): never => {
    throw new Error("scoring only asks");
  };
  return {
    ask,
    demands: unused,
    quotes: unused,
    timeline: unused,
    who: unused,
    sources: unused,
    source: unused,
    detailsAsked: unused,
    evidence: unused,
    suggest: unused,
    upsertGuildQa: unused,
    removeGuildQa: unused,
    warmUp: unused,
  };
}

describe("scoreEvaluation", () => {
  const dossier = fakeDossier({
    first: { confident: true, results: [result(["The “Bucharest”   summit, in 2008."])] },
    // The summary is curated wording, not evidence: only the second excerpt counts.
    second: { confident: true, results: [result(["nothing here", "Kremlin’s wish"], "bucharest summit")] },
    fourth: { confident: true, results: [result(["x", "y", "z"]), result(["the gold words"])] },
    missed: { confident: false, results: [result(["unrelated"])] },
    unanswerable: { confident: false, results: [] },
    fooled: { confident: true, results: [result(["confident anyway"])] },
    refused: new UserError("no-words", "Ask in words."),
  });

  const report = scoreEvaluation(dossier, [
    { id: "q1", question: "first", gold: ['the "bucharest" summit'] },
    { id: "q2", question: "second", gold: ["kremlin's wish"] },
    { id: "q3", question: "fourth", gold: ["gold words"] },
    { id: "q4", question: "missed", gold: ["bucharest summit"] },
    { id: "q5", question: "unanswerable", gold: [] },
    { id: "q6", question: "fooled", gold: [] },
    { id: "q7", question: "refused", gold: [] },
  ]);

  it("ranks hits over flattened excerpts, folding case, spaces and quote style", () => {
    expect(report.outcomes.map((o) => o.rank)).toEqual([1, 2, 4, undefined, undefined, undefined, undefined]);
    expect(report.hitAt1).toBe(1 / 4);
    expect(report.hitAt3).toBe(2 / 4);
    expect(report.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 4);
  });

  it("scores unanswerable questions on confidence, a refusal counting as flagged", () => {
    expect(report.unanswerableFlagged).toBe(2 / 3);
    expect(report.answerableUnconfident).toBe(1 / 4);
    // Flagged: q4 (answerable), q5 and q7 (not): two of the three "not covered" were right.
    expect(report.notCoveredPrecision).toBe(2 / 3);
    expect(report.outcomes[6]?.refused).toBe("Ask in words.");
  });

  it("lists the misses with what came back instead", () => {
    expect(report.misses.map((m) => m.id)).toEqual(["q3", "q4", "q6"]);
    const text = formatEvaluationReport(report);
    expect(text).toContain("hit@3                      50.0%");
    expect(text).toContain("- q3: fourth\n    first gold excerpt at rank 4");
    expect(text).toContain("- q6: fooled\n    answered confidently, but the articles do not cover it");
  });
});

describe("hits as Discord shows them", () => {
  const long = `${"Background on the talks goes here at some length. ".repeat(30)}Russia wants a legally binding guarantee.`;
  const dossier = fakeDossier({
    long: { confident: true, results: [result([long])] },
    short: {
      confident: true,
      results: [result(["x"]), result(["Russia wants a legally binding guarantee."])],
    },
  });
  const questions = [
    { id: "q1", question: "long", gold: ["legally binding guarantee"] },
    { id: "q2", question: "short", gold: ["legally binding guarantee"] },
  ];

  it("reads the cards of the real renderer: a card may leave out what its excerpt holds", () => {
    const report = scoreEvaluation(dossier, questions, shownCards);
    // q1's excerpt holds the gold, but its card shortens it to fit and keeps the first sentences.
    expect(report.hitAt1).toBe(1 / 2);
    expect(report.outcomes.map((o) => o.shownCard)).toEqual([undefined, 2]);
    expect(report.shown).toEqual({ hitAt1: 0, hitAt3: 1 / 2 });
    expect(formatEvaluationReport(report)).toContain("as Discord shows the cards 0.0% hit@1, 50.0% hit@3");
  });

  it("is not measured when no renderer is given", () => {
    expect(scoreEvaluation(dossier, questions).shown).toBeUndefined();
  });

  it("reads a card's words without its markdown", () => {
    const answer = {
      confident: true,
      results: [{ ...result(["The *draft* says: no NATO bases."]), id: "a#1" }],
    };
    const [card] = shownCards("bases?", answer);
    expect(card).toContain("The *draft* says: no NATO bases.");
  });
});

describe("evaluation files", () => {
  it("reads the project's question file", () => {
    const questions = readEvaluationFile(new URL("./dev.json", import.meta.url).pathname);
    expect(questions.length).toBeGreaterThan(0);
  });

  it("refuses files it cannot use, saying what is wrong", () => {
    expect(() => readEvaluationFile("no/such/file.json")).toThrow(
      /Cannot read the evaluation file no\/such\/file.json/,
    );
    expect(() => parseEvaluationQuestions("{", "q.json")).toThrow(/^q.json is not valid JSON/);
    expect(() => parseEvaluationQuestions('[{"id":"a","question":"q"}]', "q.json")).toThrow(
      /^q.json at 0.gold: /,
    );
    expect(() => parseEvaluationQuestions("[]", "q.json")).toThrow(UserError);
    const twice = '[{"id":"a","question":"q","gold":[]},{"id":"a","question":"r","gold":[]}]';
    expect(() => parseEvaluationQuestions(twice, "q.json")).toThrow('q.json: id "a" is used twice.');
  });
});
