import { describe, expect, it } from "vitest";
import type { Answer, Excerpt } from "../../src/answer/answer.ts";
import { UnverifiedExcerptError, verifiedAnswer } from "../../src/answer/verified-answer.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);

function answerWith(excerpt: Excerpt): Answer {
  return { confident: true, results: [{ kind: "passage", id: "p", excerpts: [excerpt], score: 1 }] };
}

function excerpt(article: string, paragraph: number, text: string): Excerpt {
  return { text, highlights: [], citation: { article, title: "t", authors: [], paragraph } };
}

describe("verifiedAnswer, the gate before every front end", () => {
  it("passes an exact piece of the cited paragraph", () => {
    const answer = answerWith(excerpt("trenin-2021-12-28", 5, "probably an opening bid, not an ultimatum"));
    expect(verifiedAnswer(corpus, answer)).toBe(answer);
  });

  it("refuses edited words, a wrong paragraph, an unknown article and the republication", () => {
    const cases = [
      excerpt("trenin-2021-12-28", 5, "probably an opening bid, not a threat"),
      excerpt("trenin-2021-12-28", 6, "probably an opening bid, not an ultimatum"),
      excerpt("trenin-2099", 5, "probably an opening bid"),
      excerpt("trenin-republished", 1, "As 2021 came to a close"),
    ];
    for (const wrong of cases) {
      expect(() => verifiedAnswer(corpus, answerWith(wrong)), wrong.citation.article).toThrow(
        UnverifiedExcerptError,
      );
    }
  });

  it("checks demand sections too", () => {
    const answer: Answer = {
      confident: true,
      results: [
        {
          kind: "demand",
          id: "d",
          excerpts: [],
          sections: [
            { label: "Western response", excerpts: [excerpt("npr-2022-01-12", 6, "invented words")] },
          ],
          score: 1,
        },
      ],
    };
    expect(() => verifiedAnswer(corpus, answer)).toThrow(/demand d is not verbatim in npr-2022-01-12 ¶6/);
  });
});
