import { describe, expect, it } from "vitest";
import { CONFIDENCE_MODEL } from "../../src/answer/ask/confidence.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { fitOnObserved, observeQuestions, tunedQuestions } from "../../src/eval/fit-confidence.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";

const KNOWLEDGE = new URL("../../knowledge/", import.meta.url).pathname;
const EVAL = new URL("./", import.meta.url).pathname;

describe("the shipped confidence model", () => {
  // Its weights are what `npm run fit:confidence` gives on today's knowledge and tuned sets: refit
  // after changing either, or what the search measures.
  it("is the one fitting the tuned sets gives", { timeout: 300_000 }, () => {
    const dossier = createDossier(loadCorpus(KNOWLEDGE));
    const refit = fitOnObserved(observeQuestions(dossier, tunedQuestions(EVAL)));
    expect(refit.bias).toBeCloseTo(CONFIDENCE_MODEL.bias, 3);
    for (const [name, weight] of Object.entries(refit.weights))
      expect(weight, name).toBeCloseTo(CONFIDENCE_MODEL.weights[name as keyof typeof refit.weights], 3);
  });
});
