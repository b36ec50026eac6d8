import { describe, expect, it } from "vitest";
import { SMALL_TALK_REPLY } from "../../src/answer/ask/ask-question.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { NOT_COVERED_MESSAGE } from "../../src/answer/dossier.ts";
import type { QaEntry } from "../../src/knowledge/schema.ts";
import { expectNoSharedPassage, expectVerbatimEvidence, userErrorOf } from "./answer-checks.ts";
import { fixtureCorpus, fixtureDossier } from "./fixture-dossier.ts";

const corpus = fixtureCorpus();

const kaliningradEntry: QaEntry = {
  id: "kaliningrad-exclave",
  question: "Why does the reading mention Kaliningrad?",
  alternatives: ["exclave between Poland and Lithuania"],
  answer: "Trenin names it as a place where Russia could put more short-range missiles.",
  citations: [
    {
      article: "trenin-2021-12-28",
      paragraph: 12,
      excerpt: "Russia could be provoked into placing more short-range missiles in Kaliningrad",
    },
  ],
};

describe("ask", () => {
  it("answers with verbatim, highlighted excerpts and never shows a paragraph twice", () => {
    const dossier = fixtureDossier();
    for (const question of ["why now", "Minsk accords", "What did Ryabkov say about guarantees?", "drills"]) {
      const answer = dossier.ask(question);
      expect(answer.confident).toBe(true);
      expect(answer.results.length).toBeGreaterThan(0);
      expectVerbatimEvidence(corpus, answer);
      expectNoSharedPassage(answer);
    }
  });

  it("drops a passage already shown by a curated entry", () => {
    const answer = fixtureDossier().ask("Minsk accords");
    expect(answer.results[0]?.id).toBe("minsk-agreements");
    expect(answer.results.map((r) => r.id)).not.toContain("npr-2022-01-12#13");
  });

  it("flags questions the articles do not cover and offers the closest matches", () => {
    const dossier = fixtureDossier();
    expect(NOT_COVERED_MESSAGE).toBe("The articles don't seem to cover that");
    const answer = dossier.ask("What did Macron say about NATO?");
    expect(answer.confident).toBe(false);
    expect(answer.results.length).toBeLessThanOrEqual(3);
    expect(dossier.ask("what's the capital of Australia").confident).toBe(false);
  });

  it("filters by article, refuses unknown articles, and asks a republication's questions of its original", () => {
    const dossier = fixtureDossier();
    const answer = dossier.ask("intermediate-range missiles", { article: "trenin-2021-12-28" });
    expect(answer.results.length).toBeGreaterThan(0);
    for (const result of answer.results) {
      for (const excerpt of result.excerpts) expect(excerpt.citation.article).toBe("trenin-2021-12-28");
    }
    expect(userErrorOf(() => dossier.ask("missiles", { article: "nyt-2022" })).message).toContain(
      "fp-mackinnon",
    );
    const republished = dossier.ask("intermediate-range missiles", { article: "trenin-republished" });
    expect(republished.results.map((result) => result.id)).toEqual(answer.results.map((result) => result.id));
  });

  it("takes an article as members name it, by its outlet or author", () => {
    const dossier = fixtureDossier();
    for (const named of ["wapo", "The Washington Post", " Sonne "]) {
      const answer = dossier.ask("missiles", { article: named });
      expect(answer.results.length).toBeGreaterThan(0);
      for (const result of answer.results)
        for (const excerpt of result.excerpts) expect(excerpt.citation.article).toBe("wapo-sonne");
    }
    // A name and more is no article's name.
    expect(userErrorOf(() => dossier.ask("missiles", { article: "wapo and npr" })).message).toContain(
      "There is no article",
    );
  });

  it("respects the result limit", () => {
    const dossier = fixtureDossier();
    expect(dossier.ask("Russia NATO Ukraine", { limit: 2 }).results.length).toBeLessThanOrEqual(2);
    expect(dossier.ask("Russia NATO Ukraine", { limit: 100 }).results.length).toBeLessThanOrEqual(25);
  });

  it("refuses empty questions and questions without words, with a message that says what to do", () => {
    const dossier = fixtureDossier();
    expect(userErrorOf(() => dossier.ask("")).message).toMatch(/^Type a question/);
    expect(userErrorOf(() => dossier.ask(" \n\t ")).code).toBe("empty-question");
    expect(userErrorOf(() => dossier.ask("🙂🔥!!")).code).toBe("no-words");
  });

  it("answers chat that asks nothing of the articles with how to ask, not with passages", () => {
    const dossier = fixtureDossier();
    for (const chat of [
      "hi",
      "thanks!!",
      "ok lol",
      "anyone done the reading?",
      "is this on the exam",
      "thanks bot",
      "help",
      "thx that helps",
      "thanks bot ur the best",
      "good morning",
    ]) {
      const refused = userErrorOf(() => dossier.ask(chat));
      expect(refused.code, chat).toBe("small-talk");
      expect(refused.message).toBe(SMALL_TALK_REPLY);
    }
    expect(dossier.ask("why now?").results.length).toBeGreaterThan(0);
    expect(dossier.ask("how did the us help ukraine").results.length).toBeGreaterThan(0);
    expect(dossier.ask("what's the best outcome for russia").results.length).toBeGreaterThan(0);
  });

  it("copes with very long, markdown, mention and SQL-looking input", () => {
    const dossier = fixtureDossier();
    const long = dossier.ask(`${"What about NATO expansion? ".repeat(230)}`.slice(0, 6000));
    expectVerbatimEvidence(corpus, long);
    expect(dossier.ask("**NATO** _expansion_?").confident).toBe(true);
    expect(userErrorOf(() => dossier.ask("@everyone")).code).toBe("small-talk");
    expect(dossier.ask("'; DROP TABLE users; --").confident).toBe(false);
  });

  it("shows a guild's own entry in that guild only, at once, until it is removed", () => {
    const dossier = fixtureDossier();
    const firstIds = (guildId?: string) =>
      dossier.ask("Kaliningrad exclave", { guildId }).results.map((r) => r.id);
    expect(firstIds("guild-a")).not.toContain("kaliningrad-exclave");
    dossier.upsertGuildQa("guild-a", kaliningradEntry);
    expect(firstIds("guild-a")[0]).toBe("kaliningrad-exclave");
    expect(firstIds("guild-b")).not.toContain("kaliningrad-exclave");
    expect(firstIds()).not.toContain("kaliningrad-exclave");
    dossier.removeGuildQa("guild-a", "kaliningrad-exclave");
    expect(firstIds("guild-a")).not.toContain("kaliningrad-exclave");
  });

  it("refuses a guild entry whose excerpt is not in the article", () => {
    const dossier = fixtureDossier();
    const wrong = {
      ...kaliningradEntry,
      citations: [{ ...kaliningradEntry.citations[0], excerpt: "words never written" }],
    };
    const error = userErrorOf(() => dossier.upsertGuildQa("guild-a", wrong as QaEntry));
    expect(error.message).toBe('Q&A entry "kaliningrad-exclave" excerpt not found in trenin-2021-12-28 ¶12.');
    const republished = {
      ...kaliningradEntry,
      citations: [{ article: "trenin-republished", paragraph: 3, excerpt: "Now, however" }],
    };
    expect(userErrorOf(() => dossier.upsertGuildQa("guild-a", republished)).code).toBe("invalid-citation");
  });
});

describe("warm-up", () => {
  it("asks the question bank's phrasings once, at most 600, and changes no answer", async () => {
    const questions = [
      "What does Russia want from NATO?",
      "why now",
      "Stoltenburg",
      "what did Macron say in Geneva",
    ];
    const banked = {
      ...corpus,
      questionBank: [
        { article: "fp-mackinnon", paragraph: 3, questions: ["why is moscow in such a hurry", "why now"] },
        {
          article: "npr-2022-01-12",
          paragraph: 1,
          questions: ["what are the talks about", "who meets in geneva"],
        },
        {
          article: "wapo-sonne",
          paragraph: 2,
          questions: Array.from({ length: 20 }, (_, i) => `question ${i}`),
        },
      ],
    };
    const dossier = createDossier(banked);
    const before = questions.map((question) => dossier.ask(question));
    // Each answer is handed over to be drawn as members see it.
    const drawn: string[] = [];
    expect(
      await dossier.warmUp(undefined, (question, answer) =>
        drawn.push(`${question}: ${answer.results.length}`),
      ),
    ).toBe(24);
    expect(drawn).toHaveLength(24);
    expect(drawn[0]).toBe(
      `why is moscow in such a hurry: ${dossier.ask("why is moscow in such a hurry").results.length}`,
    );
    expect(questions.map((question) => dossier.ask(question))).toEqual(before);
    // A bank of 40 paragraphs × 20 phrasings is asked 600 times: every paragraph's first 15.
    const large = {
      ...corpus,
      questionBank: Array.from({ length: 40 }, (_, n) => ({
        article: "wapo-sonne",
        paragraph: n + 1,
        questions: Array.from({ length: 20 }, (_, i) => `question ${n} ${i}`),
      })),
    };
    expect(await createDossier(large).warmUp()).toBe(600);
  });

  it("then asks the questions listed as not covered, passing over chat, which ask refuses", async () => {
    const listed = { ...corpus, notCovered: ["what did macron say in geneva", "thanks bot"] };
    const drawn: string[] = [];
    const asked = await createDossier(listed).warmUp(undefined, (question, answer) =>
      drawn.push(`${question}: ${answer.confident}`),
    );
    expect(asked).toBe(corpus.questionBank.flatMap((banked) => banked.questions).length + 1);
    expect(drawn.at(-1)).toBe("what did macron say in geneva: false");
  });

  it("stops when its signal aborts", async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await fixtureDossier().warmUp(stop.signal)).toBe(0);
  });
});
