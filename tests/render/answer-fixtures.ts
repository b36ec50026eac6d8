import type { Answer, AnswerResult, Citation, Excerpt } from "../../src/answer/answer.ts";

/** Small hand-made answers, so page layout tests do not move when the knowledge files are edited. */

export const npr: Citation = {
  article: "npr-2022-01-12",
  title: "4 things Russia wants right now",
  outlet: "NPR",
  authors: [],
  published: "2022-01-12",
  url: "https://www.npr.org/2022/01/12/1072413634/russia-nato-ukraine",
  paragraph: 4,
};

export const foreignPolicy: Citation = {
  article: "fp-mackinnon",
  title: "What’s Behind Russia’s Latest Demands",
  outlet: "Foreign Policy",
  authors: ["Amy Mackinnon"],
  paragraph: 3,
};

export function excerptOf(text: string, citation: Citation = npr): Excerpt {
  return { text, highlights: [], citation };
}

export function passage(n: number, citation: Citation = npr): AnswerResult {
  return {
    kind: "passage",
    id: `${citation.article}#${n}`,
    excerpts: [excerptOf(`Passage number ${n} about NATO expansion.`, { ...citation, paragraph: n })],
    score: 1 / n,
  };
}

export function answerOf(results: AnswerResult[], confident = true): Answer {
  return { confident, results };
}
