import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { rankNameMatch } from "../../src/answer/listings/name-match.ts";
import { expectVerbatimEvidence, userErrorOf } from "./answer-checks.ts";
import { fixtureCorpus, fixtureDossier } from "./fixture-dossier.ts";

const dossier = fixtureDossier();
const corpus = fixtureCorpus();
const ids = (answer: Answer) => answer.results.map((result) => result.id);

describe("demands", () => {
  it("lists every demand with its statement and labelled, non-empty sections", () => {
    const answer = dossier.demands();
    expect(ids(answer)).toEqual([
      "no-nato-enlargement",
      "no-intermediate-range-missiles",
      "limits-on-military-exercises",
    ]);
    expect(answer.results[0]?.heading).toBe("No NATO enlargement");
    expect(answer.results[0]?.sections?.map((s) => s.label)).toEqual([
      "Russia's reasoning",
      "Western response",
    ]);
    expect(answer.results[1]?.sections?.map((s) => s.label)).toEqual([
      "Russia's reasoning",
      "Room for compromise",
    ]);
    expect(answer.results[2]?.sections).toBeUndefined();
    expectVerbatimEvidence(corpus, answer);
  });

  it("filters by topic (through synonyms) or by id", () => {
    expect(ids(dossier.demands("rockets"))).toEqual(["no-intermediate-range-missiles"]);
    expect(ids(dossier.demands("war games"))).toEqual(["limits-on-military-exercises"]);
    expect(ids(dossier.demands(" no-nato-enlargement "))).toEqual(["no-nato-enlargement"]);
    expect(dossier.demands("the weather in Moscow").confident).toBe(false);
  });
});

describe("quotes", () => {
  it("matches a speaker by id, name or alias, typos allowed", () => {
    expect(ids(dossier.quotes({ speaker: "ryabkov" }))).toEqual([
      "ryabkov-no-deadlines",
      "ryabkov-ironclad-guarantees",
    ]);
    expect(ids(dossier.quotes({ speaker: "Sergey Ryabkov" }))).toEqual(
      ids(dossier.quotes({ speaker: "Ryabkof" })),
    );
    const quote = dossier.quotes({ speaker: "President Putin" }).results[0];
    expect(quote?.speaker).toEqual({
      id: "putin",
      name: "Vladimir Putin",
      role: "President of Russia",
      context: "at his annual year-end press conference",
    });
    expect(quote?.date).toBe("2021-12");
  });

  it("names the closest speakers when nobody matches, and says when someone is never quoted", () => {
    const unknown = userErrorOf(() => dossier.quotes({ speaker: "Ryapkoff" }));
    expect(unknown.code).toBe("unknown-speaker");
    expect(unknown.message).toBe(
      `No speaker called "Ryapkoff" in the articles. Closest: Sergei Ryabkov (Russian deputy foreign minister).`,
    );
    // No one is a near miss of a name the articles never use.
    expect(userErrorOf(() => dossier.quotes({ speaker: "Obama" })).message).toBe(
      'No speaker called "Obama" in the articles. Type a name they use, for example: Putin.',
    );
    const silent = userErrorOf(() => dossier.quotes({ speaker: "Stoltenburg" }));
    expect(silent.message).toBe(
      "The articles mention Jens Stoltenberg but quote none of their words; try /who Jens Stoltenberg.",
    );
  });

  it("filters by topic, offering the speaker's quotes when the topic is not covered", () => {
    expect(ids(dossier.quotes({ topic: "rockets" }))).toEqual(["putin-rockets-doorstep"]);
    expect(ids(dossier.quotes({ speaker: "Ryabkov", topic: "deadlines" }))).toEqual(["ryabkov-no-deadlines"]);
    const offered = dossier.quotes({ speaker: "Putin", topic: "the weather" });
    expect(offered.confident).toBe(false);
    expect(ids(offered)).toEqual(["putin-five-waves", "putin-rockets-doorstep"]);
  });

  it("shows a quotation as the speaker's words only", () => {
    const quote = dossier.quotes({ speaker: "Ryabkov", topic: "guarantees" }).results[0];
    expect(quote?.excerpts.map((e) => e.text)).toEqual([
      "We need ironclad, waterproof, bulletproof, legally binding guarantees.",
    ]);
  });
});

describe("timeline", () => {
  it("lists events oldest first, a year before the months within it", () => {
    expect(ids(dossier.timeline({}))).toEqual([
      "soviet-collapse",
      "bucharest-summit",
      "crimea-annexation",
      "troops-massed-2021",
      "british-destroyer",
      "geneva-talks",
    ]);
  });

  it("keeps events whose dates overlap the range, at any precision", () => {
    expect(ids(dossier.timeline({ from: "2014", to: "2021-06" }))).toEqual([
      "crimea-annexation",
      "troops-massed-2021",
      "british-destroyer",
    ]);
    expect(ids(dossier.timeline({ from: "2022-01-10", to: "2022-01-10" }))).toEqual(["geneva-talks"]);
    expect(ids(dossier.timeline({ to: "1991-12-31" }))).toEqual(["soviet-collapse"]);
  });

  it("filters by topic", () => {
    expect(ids(dossier.timeline({ topic: "Crimea" }))).toEqual(["crimea-annexation", "british-destroyer"]);
  });

  it("refuses dates it cannot read, and a range that runs backwards", () => {
    for (const bad of ["Dec 2021", "2021-13", "2022-02-30", "21", "2021/12"]) {
      const error = userErrorOf(() => dossier.timeline({ from: bad }));
      expect(error.message).toContain('"2014", "2021-12" or "2022-01-10"');
    }
    expect(userErrorOf(() => dossier.timeline({ from: "2022", to: "2014" })).message).toBe(
      '"from" (2022) is after "to" (2014): swap them.',
    );
  });
});

describe("who", () => {
  it("gives role, aliases and citations, then the person's quotations", () => {
    const answer = dossier.who("putin");
    expect(answer.results[0]).toMatchObject({
      kind: "person",
      id: "putin",
      heading: "Vladimir Putin",
      summary: "President of Russia",
      person: {
        id: "putin",
        name: "Vladimir Putin",
        role: "President of Russia",
        aliases: ["Putin", "President Putin"],
      },
    });
    expect(ids(answer)).toEqual(["putin", "putin-five-waves", "putin-rockets-doorstep"]);
    expectVerbatimEvidence(corpus, answer);
  });

  it("finds people through typos and refuses unknown names", () => {
    expect(ids(dossier.who("Stoltenburg"))).toEqual(["stoltenberg"]);
    expect(ids(dossier.who("Zelenskyy"))).toEqual(["zelensky"]);
    expect(userErrorOf(() => dossier.who("Obama")).code).toBe("unknown-person");
    expect(userErrorOf(() => dossier.who("  ")).code).toBe("empty-person");
    // Named with an article, as members do; and no "closest" people for something that is no name.
    expect(ids(dossier.who("the Ryabkov"))).toEqual(ids(dossier.who("Ryabkov")));
    expect(userErrorOf(() => dossier.who("🇷🇺")).message).toBe(
      'No person called "🇷🇺" in the articles. Type a name they use, for example: Putin.',
    );
  });
});

describe("sources", () => {
  it("lists every article, the republication with what it duplicates", () => {
    const sources = dossier.sources();
    expect(sources.map((s) => s.id)).toEqual([
      "fp-mackinnon",
      "npr-2022-01-12",
      "trenin-2021-12-28",
      "trenin-republished",
      "wapo-sonne",
    ]);
    expect(dossier.source("trenin-republished")?.duplicateOf).toBe("trenin-2021-12-28");
    expect(dossier.source("npr-2022-01-12")).toMatchObject({
      outlet: "NPR",
      published: "2022-01-12",
      paragraphs: 15,
    });
    expect(dossier.source("nope")).toBeUndefined();
    // As members name them: the outlet, its initials, the author.
    expect(dossier.source("npr")?.id).toBe("npr-2022-01-12");
    expect(dossier.source("FP")?.id).toBe("fp-mackinnon");
    expect(dossier.source("trenin")?.id).toBe("trenin-2021-12-28");
    expect(dossier.source("the npr explainer")?.id).toBe("npr-2022-01-12");
    // Or by its title, two words at least, when it is one article's only.
    expect(dossier.source("4 things")?.id).toBe("npr-2022-01-12");
    expect(dossier.source("what putin really wants")?.id).toBe("trenin-2021-12-28");
    expect(dossier.source("russia's latest demands")?.id).toBe("fp-mackinnon");
    expect(dossier.source("russia")).toBeUndefined();
    expect(dossier.source("russia demands")).toBeUndefined();
  });
});

describe("matching a typed name", () => {
  const names = ["Jens Stoltenberg", "NATO Secretary General"];

  it("ranks exact › prefix › a word's start › near misses, and refuses what is none", () => {
    const exact = rankNameMatch("jens stoltenberg", names);
    const prefix = rankNameMatch("jens stol", names);
    const word = rankNameMatch("stoltenberg", names);
    const typo = rankNameMatch("Stoltenburg", names);
    expect(exact).toBe(0);
    expect(prefix).toBeGreaterThan(exact as number);
    expect(word).toBeGreaterThan(prefix as number);
    expect(typo).toBeGreaterThan(word as number);
    expect(rankNameMatch("macron", names)).toBeUndefined();
    expect(rankNameMatch("Stoltenburg", names, false)).toBeUndefined();
  });

  it("ranks a name the same after more names than it keeps folded have been ranked", () => {
    const before = rankNameMatch("Zelenskyi", ["Volodymyr Zelenskyy", "Zelensky"]);
    for (let i = 0; i < 5000; i++) rankNameMatch("anyone", [`Person Number ${i}`]);
    expect(rankNameMatch("Zelenskyi", ["Volodymyr Zelenskyy", "Zelensky"])).toBe(before);
    expect(before).toBeDefined();
  });
});
