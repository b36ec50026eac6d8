import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONFIDENCE_MODEL,
  CONFIDENT_PROBABILITY,
  type ConfidenceSample,
  type ConfidenceSignals,
  confidenceOf,
  fitConfidence,
} from "../../src/answer/ask/confidence.ts";
import { tunedSetsIn } from "../../src/eval/fit-confidence.ts";

/** A question matched well, with nothing unanswered near it. */
const WELL_MATCHED: ConfidenceSignals = {
  coverage: 1,
  coverageNeeded: 0.52,
  firstWording: 0.5,
  meaningMeasured: true,
  unansweredSimilarity: 0.6,
  unansweredWording: 0.2,
  hitSimilarity: 0.85,
  hitWording: 0.5,
  short: false,
  offTopic: false,
  ofOneArticle: false,
  words: 4,
  characters: 40,
};

describe("the confidence model", () => {
  it("trusts a question matched well with nothing unanswered near it", () => {
    expect(confidenceOf(WELL_MATCHED)).toBeGreaterThanOrEqual(CONFIDENT_PROBABILITY);
  });

  it("is less sure as the match covers less of the question", () => {
    const less = confidenceOf({ ...WELL_MATCHED, coverage: 0.6 });
    expect(less).toBeLessThan(confidenceOf(WELL_MATCHED));
    expect(confidenceOf({ ...WELL_MATCHED, coverage: 0.2 })).toBeLessThan(less);
  });

  it("is not sure when a question the articles do not answer is nearer than the matches", () => {
    const nearer = { ...WELL_MATCHED, unansweredSimilarity: 0.95, unansweredWording: 0.8 };
    expect(confidenceOf(nearer)).toBeLessThan(CONFIDENT_PROBABILITY);
  });

  it("is not sure of chat about something else, however well its everyday words match", () => {
    expect(confidenceOf({ ...WELL_MATCHED, offTopic: true, firstWording: 0.3 })).toBeLessThan(
      confidenceOf(WELL_MATCHED),
    );
  });

  it("is not sure of a match without word vectors or not-covered list that covers too little", () => {
    // As a knowledge folder without them has it: every similarity 0 ("'; DROP TABLE users; --"
    // matching "on the table").
    const bare = {
      ...WELL_MATCHED,
      unansweredSimilarity: 0,
      unansweredWording: 0,
      hitSimilarity: 0,
      hitWording: 0,
    };
    expect(confidenceOf({ ...bare, coverage: 0.46, firstWording: 0 })).toBeLessThan(CONFIDENT_PROBABILITY);
  });
});

describe("fitting the confidence model", () => {
  // Answerable when the match covers enough, the more the nearer a question the articles do not answer.
  const samples: ConfidenceSample[] = [];
  for (let i = 0; i < 400; i++) {
    const coverage = (i % 20) / 20;
    const unansweredSimilarity = 0.5 + (Math.floor(i / 20) % 10) / 20;
    samples.push({
      signals: { ...WELL_MATCHED, coverage, unansweredSimilarity },
      answerable: coverage - 2 * (unansweredSimilarity - 0.5) >= 0.3,
    });
  }
  const model = fitConfidence(samples);

  it("learns which way each signal points", () => {
    expect(model.weights.coverage + model.weights.coverageBeyondNeeded).toBeGreaterThan(0);
    expect(model.weights.unansweredNearer).toBeLessThan(0);
  });

  it("separates what it was fitted on", () => {
    const right = samples.filter(
      (sample) => confidenceOf(sample.signals, model) >= 0.5 === sample.answerable,
    ).length;
    expect(right / samples.length).toBeGreaterThan(0.9);
  });

  it("gives the same weights every time", () => {
    expect(fitConfidence(samples)).toEqual(model);
  });

  it("is fitted on every evaluation set but the held-out ones", () => {
    const folder = mkdtempSync(join(tmpdir(), "dossier-fit-"));
    try {
      for (const name of ["dev.json", "dev-members-2.json", "holdout.json", "holdout-30.json", "notes.txt"])
        writeFileSync(join(folder, name), "[]");
      expect(tunedSetsIn(folder).map((file) => file.slice(folder.length + 1))).toEqual([
        "dev-members-2.json",
        "dev.json",
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("ships weights of the inputs it reads", () => {
    expect(Object.keys(CONFIDENCE_MODEL.weights).sort()).toEqual(Object.keys(model.weights).sort());
  });
});
