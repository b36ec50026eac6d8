import { describe, expect, it } from "vitest";
import type { Excerpt } from "../../src/answer/answer.ts";
import { findArticle, primaryArticles } from "../../src/knowledge/corpus.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import {
  articleLabel,
  QUIZ_KINDS,
  type QuizQuestion,
  quizCandidates,
} from "../../src/quiz/question-kinds.ts";
import { foldQuotesAndSpace, isVerbatimIn } from "../../src/text/fold.ts";
import { UserError } from "../../src/user-error.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const candidates = quizCandidates(corpus);
const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);

/** Exact characters of a primary article's paragraph, as every front end shows them. */
function isVerbatim(excerpt: Excerpt): boolean {
  const article = findArticle(corpus, excerpt.citation.article);
  const paragraph = article?.paragraphs[excerpt.citation.paragraph - 1];
  return article?.duplicateOf === undefined && paragraph?.text.includes(excerpt.text) === true;
}

const entryId = (question: QuizQuestion) => question.id.slice(question.id.indexOf(":") + 1);

/** Which of the four choices the knowledge itself makes right, found again from the files. */
function rightChoices(question: QuizQuestion): number[] {
  const indexes = question.choices.map((_, index) => index);
  switch (question.kind) {
    case "speaker": {
      const words = foldQuotesAndSpace(question.clue?.text ?? "");
      const speakers = corpus.quotes
        .filter((quote) => foldQuotesAndSpace(quote.citation.excerpt) === words)
        .map((quote) => corpus.people.find((person) => person.id === quote.speaker)?.name);
      return indexes.filter((i) => speakers.includes(question.choices[i]));
    }
    case "year": {
      const event = corpus.timeline.find((e) => e.id === entryId(question));
      return indexes.filter((i) => event?.date.startsWith(question.choices[i] ?? "-") === true);
    }
    case "demand": {
      const clue = question.clue?.citation;
      return indexes.filter((i) => {
        const demand = corpus.demands.find((d) => d.title === question.choices[i]);
        const cited = [
          ...(demand?.statement ?? []),
          ...(demand?.reasoning ?? []),
          ...(demand?.response ?? []),
          ...(demand?.compromise ?? []),
        ];
        return cited.some((c) => c.article === clue?.article && c.paragraph === clue.paragraph);
      });
    }
    case "article":
      return indexes.filter((i) => {
        const article = primaryArticles(corpus).find((a) => articleLabel(a) === question.choices[i]);
        return article?.paragraphs.some((p) => isVerbatimIn(question.clue?.text ?? "", p.text)) === true;
      });
    case "qa": {
      // Right, or too close to call wrong: the same paragraphs, or the same person named.
      const entry = corpus.qa.find((e) => e.id === entryId(question));
      const cited = new Set(entry?.citations.map((c) => `${c.article}#${c.paragraph}`));
      const surnames = (text: string) =>
        corpus.people
          .map((p) => p.name.split(" ").at(-1) ?? "")
          .filter((n) => n.length > 2 && text.includes(n));
      const named = new Set(surnames(entry?.answer ?? ""));
      return indexes.filter((i) => {
        const chosen = corpus.qa.find((e) => e.answer === question.choices[i]);
        return (
          chosen === entry ||
          chosen?.citations.some((c) => cited.has(`${c.article}#${c.paragraph}`)) === true ||
          surnames(chosen?.answer ?? "").some((name) => named.has(name))
        );
      });
    }
  }
}

describe("quiz questions, for every seed in a range", () => {
  const quizzes = SEEDS.map((seed) => makeQuiz(corpus, { seed, rounds: 10 }, candidates));

  it("have four distinct choices and exactly one right answer, the one marked", () => {
    for (const question of quizzes.flat()) {
      expect(new Set(question.choices).size, question.id).toBe(4);
      expect(rightChoices(question), question.id).toEqual([question.answer]);
    }
  });

  it("settle with an excerpt verbatim in the paragraph it cites, and show only verbatim clues", () => {
    for (const question of quizzes.flat()) {
      expect(isVerbatim(question.settling), question.id).toBe(true);
      if (question.clue !== undefined) expect(isVerbatim(question.clue), question.id).toBe(true);
      if (question.kind === "year")
        expect(question.settling.text).toContain(question.choices[question.answer]);
      for (const h of question.settling.highlights)
        expect(h.end <= question.settling.text.length && h.start < h.end).toBe(true);
    }
  });

  it("never repeat a question within a quiz, and mix every kind", () => {
    for (const quiz of quizzes) expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
    const kinds = new Set(quizzes.flat().map((q) => q.kind));
    expect([...kinds].sort()).toEqual([...QUIZ_KINDS].sort());
  });
});

describe("a quiz's seed and options", () => {
  it("give the same questions again for the same seed, and others for another", () => {
    const request = { seed: 4821, rounds: 5 };
    expect(makeQuiz(corpus, request)).toEqual(makeQuiz(corpus, request, candidates));
    expect(makeQuiz(corpus, { ...request, seed: 4822 }).map((q) => q.id)).not.toEqual(
      makeQuiz(corpus, request).map((q) => q.id),
    );
  });

  it("keep to the kind and topic asked for", () => {
    const years = makeQuiz(corpus, { seed: 7, rounds: 10, kind: "year" }, candidates);
    expect(years).toHaveLength(10);
    for (const question of years) expect(question.kind).toBe("year");

    const missiles = makeQuiz(corpus, { seed: 7, rounds: 10, topic: "Missiles" }, candidates);
    const about = new Map(candidates.map((c) => [c.id, c.about.toLowerCase()]));
    for (const question of missiles) expect(about.get(question.id)).toContain("missile");
  });

  it("stop at the questions a narrow topic allows, and explain when there are none", () => {
    const narrow = makeQuiz(
      corpus,
      { seed: 1, rounds: 10, kind: "speaker", topic: "Sevastopol" },
      candidates,
    );
    // Two quotations mention Sevastopol: ten rounds asked, two questions made.
    expect(narrow.map((q) => q.id).sort()).toEqual([
      "speaker:putin-sevastopol-nato-sailors",
      "speaker:putin-wonderful-guys",
    ]);
    const none = () => makeQuiz(corpus, { seed: 1, rounds: 3, topic: "penguins" }, candidates);
    expect(none).toThrow(UserError);
    expect(none).toThrow(
      'I have no quiz questions about "penguins": try a broader topic, or leave the options out.',
    );
  });
});
