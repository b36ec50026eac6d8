import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { fixtureDossier } from "./fixture-dossier.ts";

/** Golden rankings on the fixture knowledge: each position is asserted and explained. */
const dossier = fixtureDossier();
const ranking = (answer: Answer) => answer.results.map((result) => `${result.kind} ${result.id}`);
const highlighted = (answer: Answer, at = 0) => {
  const excerpt = answer.results[at]?.excerpts[0];
  return excerpt ? excerpt.highlights.map((h) => excerpt.text.slice(h.start, h.end)) : [];
};

describe("ask ranking", () => {
  it("puts a curated Q&A entry that covers the question first, then the passages", () => {
    const answer = dossier.ask("why now");
    expect(answer.confident).toBe(true);
    expect(ranking(answer).slice(0, 3)).toEqual([
      // The curated entry lists "why now" among its alternatives: it covers the whole question.
      "qa why-now",
      // NPR ¶8 begins "Now Putin appears to be acting…": "now" in a short sentence, early.
      "passage npr-2022-01-12#8",
      // The Post ¶12: "Russia has now put on the table…", the next shortest use of "now".
      "passage wapo-sonne#12",
    ]);
    // The Q&A's first citation is widened to the next sentence, which says "why now?".
    expect(answer.results[0]?.excerpts[0]?.text).toMatch(
      /What has changed is the sense of urgency felt in the Kremlin—and the lengths Moscow is willing to go to have its demands met\. The question is, why now\?$/,
    );
  });

  it("ranks first what is asked for the way the question asks, even below full coverage", () => {
    const answer = dossier.ask("Why is Russia acting now?");
    expect(ranking(answer).slice(0, 3)).toEqual([
      // The entry's way of asking, "why now", is half of the question's words, "why" among them
      // (which the index leaves out): first, though it covers less than QA_FIRST_COVERAGE. It cites
      // FP ¶10, "better for the Kremlin to act now".
      "qa why-now",
      // "Now … acting … Russia": all three words in one short sentence.
      "passage npr-2022-01-12#8",
      // Read with ¶8 just before it, NPR ¶9 covers the question too, though less than ¶8 itself.
      "passage npr-2022-01-12#9",
    ]);
    expect(answer.results[0]?.excerpts[0]?.citation.article).toBe("fp-mackinnon");
    // Its whole sentence: "If the calculus is that Russia needs to intervene…, then it's better for
    // the Kremlin to act now, before Ukrainian capabilities further increase."
    expect(highlighted(answer)).toEqual(["Russia", "act", "now"]);
    expect(highlighted(answer, 1)).toEqual(["Now", "acting", "Russia"]);
  });

  it("corrects a misspelt name and keeps only what covers the question", () => {
    const answer = dossier.ask("What did Stoltenburg say about Ukraine?");
    // Only Foreign Policy ¶17 names Stoltenberg; the paragraphs beside it are read with it (an answer
    // often runs on), and passages elsewhere that only say "Ukraine" cover a sliver of the question
    // (the rare name weighs most) and are left out.
    expect(ranking(answer)).toEqual([
      "passage fp-mackinnon#17",
      "passage fp-mackinnon#16",
      "passage fp-mackinnon#18",
    ]);
    expect(highlighted(answer)).toEqual(["Stoltenberg", "Ukraine’s"]);
  });

  it("ranks the demand above passages that only mention the missiles", () => {
    const answer = dossier.ask("Why does Russia object to intermediate range rockets?");
    expect(ranking(answer).slice(0, 3)).toEqual([
      // Title, keywords ("rockets") and statement all match: the demand itself.
      "demand no-intermediate-range-missiles",
      // NPR ¶12 names the Intermediate-Range Nuclear Forces Treaty, in a short paragraph.
      "passage npr-2022-01-12#12",
      // Trenin ¶6: "not to station intermediate-range missiles in Europe".
      "passage trenin-2021-12-28#6",
    ]);
    // "rockets" reaches "missiles" through the synonym group, and both are highlighted.
    expect(highlighted(answer)).toEqual(["Russia", "intermediate-range", "missiles", "Russia", "rockets"]);
  });

  it("finds a timeline event through the words of its title and evidence", () => {
    const answer = dossier.ask("When do the Geneva talks start?");
    expect(ranking(answer).slice(0, 2)).toEqual([
      // The event's title says "talks in Geneva" (boosted ×2) and its evidence repeats both words.
      "event geneva-talks",
      // NPR ¶1: "diplomats faced off in Geneva … talks in Vienna".
      "passage npr-2022-01-12#1",
    ]);
  });
});
