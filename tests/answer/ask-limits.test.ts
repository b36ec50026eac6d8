import { describe, expect, it } from "vitest";
import { fixtureDossier } from "./fixture-dossier.ts";

/**
 * `ask` ranks hits only as far as it reads them (a batch at a time, see ranked-hits.ts). Whatever
 * the limit, the answer must be the start of the longest one: reading further never reorders what
 * came before.
 */
const dossier = fixtureDossier();
const QUESTIONS = [
  "What does Russia want from NATO?",
  "why now",
  "Russia NATO Ukraine security",
  "missiles",
  "Stoltenburg",
  "what did Macron say in Geneva",
];

describe("ask limits", () => {
  it("gives the first results of a longer answer, for every limit", () => {
    for (const question of QUESTIONS) {
      const longest = dossier.ask(question, { limit: 25 });
      for (let limit = 1; limit < 25; limit++) {
        const answer = dossier.ask(question, { limit });
        expect(answer.confident).toBe(longest.confident);
        expect(answer.results).toEqual(longest.results.slice(0, limit));
      }
    }
  });
});
