import { describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { formatEvaluationReport } from "../../src/eval/format-report.ts";
import { runEvaluation } from "../../src/eval/run-evaluation.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";

const KNOWLEDGE = new URL("../../knowledge/", import.meta.url).pathname;
const QUESTIONS = new URL("./questions.json", import.meta.url).pathname;

/**
 * The quality floor of `ask` on the real knowledge, set just under what it reaches (hit@1 0.86,
 * hit@3 0.95, MRR 0.90, 85% of unanswerable questions flagged, 14% of answerable ones wrongly
 * flagged): a change that makes answers worse fails here, and the report says which questions.
 */
describe("evaluation floor", () => {
  const report = runEvaluation(QUESTIONS, createDossier(loadCorpus(KNOWLEDGE)));
  const explain = formatEvaluationReport(report);

  it("finds the answering passage among the first excerpts", () => {
    expect(report.hitAt1, explain).toBeGreaterThanOrEqual(0.84);
    expect(report.hitAt3, explain).toBeGreaterThanOrEqual(0.92);
    expect(report.mrr, explain).toBeGreaterThanOrEqual(0.88);
  });

  it("says so when the articles do not cover a question, and rarely when they do", () => {
    expect(report.unanswerableFlagged, explain).toBeGreaterThanOrEqual(0.8);
    expect(report.answerableUnconfident, explain).toBeLessThanOrEqual(0.2);
  });
});
