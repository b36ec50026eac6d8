import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { unclosedQuotes, unopenedQuotes } from "../../src/answer/excerpts/excerpt.ts";
import { readEvaluationFile } from "../../src/eval/questions-file.ts";
import { citationProblem } from "../../src/knowledge/check-references.ts";
import { findParagraph } from "../../src/knowledge/corpus.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { UserError } from "../../src/user-error.ts";

const KNOWLEDGE = new URL("../../knowledge/", import.meta.url).pathname;
const QUESTIONS = new URL("./dev.json", import.meta.url).pathname;

const corpus = loadCorpus(KNOWLEDGE);
const dossier = createDossier(corpus);
const questions = readEvaluationFile(QUESTIONS);

/** Every excerpt, in results and sections, must hold as a citation of a primary article. */
function evidenceProblems(answer: Answer): string[] {
  return answer.results.flatMap((result) =>
    [...result.excerpts, ...(result.sections ?? []).flatMap((s) => s.excerpts)].flatMap((excerpt) => {
      const { article, paragraph } = excerpt.citation;
      const problem = citationProblem(corpus, { article, paragraph, excerpt: excerpt.text });
      return problem ? [`${result.kind} ${result.id}: ${problem}`] : [];
    }),
  );
}

function sharedPassages(answer: Answer): string[] {
  const owner = new Map<string, string>();
  const shared: string[] = [];
  for (const result of answer.results) {
    for (const place of new Set(
      result.excerpts.map((e) => `${e.citation.article}#${e.citation.paragraph}`),
    )) {
      const earlier = owner.get(place);
      if (earlier) shared.push(`${place}: ${earlier} and ${result.id}`);
      owner.set(place, result.id);
    }
  }
  return shared;
}

const answered = (action: () => Answer): Answer => {
  try {
    return action();
  } catch (error) {
    if (error instanceof UserError) return { confident: false, results: [] };
    throw error;
  }
};

describe("evidence on the real knowledge", () => {
  it("ask: every excerpt of every evaluation answer is verbatim, and no paragraph is shown twice", () => {
    for (const { question } of questions) {
      const answer = answered(() => dossier.ask(question));
      expect(evidenceProblems(answer), question).toEqual([]);
      expect(sharedPassages(answer), question).toEqual([]);
    }
  });

  it("ask: no excerpt shows one end of a quotation without the other, unless its paragraph does", () => {
    const tuned = ["dev", "dev-members", "dev-members-2", "dev-members-3", "dev-members-4", "dev-members-5"];
    const cut: string[] = [];
    for (const { question } of tuned.flatMap((name) =>
      readEvaluationFile(`${KNOWLEDGE}../tests/eval/${name}.json`),
    )) {
      for (const result of answered(() => dossier.ask(question)).results) {
        for (const excerpt of [...result.excerpts, ...(result.sections ?? []).flatMap((s) => s.excerpts)]) {
          const paragraph =
            findParagraph(corpus, excerpt.citation.article, excerpt.citation.paragraph)?.text ?? "";
          const opensMidQuote = unopenedQuotes(excerpt.text) > unopenedQuotes(paragraph);
          const endsMidQuote = unclosedQuotes(excerpt.text) > unclosedQuotes(paragraph);
          if (opensMidQuote || endsMidQuote) cut.push(`${question} → ${result.id}: ${excerpt.text}`);
        }
      }
    }
    expect(cut).toEqual([]);
  });

  it("demands, quotes, timeline and who: every excerpt for every input is verbatim", () => {
    const answers: Answer[] = [dossier.demands(), dossier.quotes({}), dossier.timeline({})];
    for (const demand of corpus.demands)
      answers.push(dossier.demands(demand.id), dossier.demands(demand.title));
    for (const person of corpus.people) answers.push(dossier.who(person.id));
    for (const speaker of new Set(corpus.quotes.map((q) => q.speaker)))
      answers.push(dossier.quotes({ speaker }));
    for (const event of corpus.timeline) answers.push(dossier.timeline({ from: event.date, to: event.date }));
    for (const { question } of questions) {
      answers.push(
        answered(() => dossier.demands(question)),
        answered(() => dossier.quotes({ topic: question })),
        answered(() => dossier.timeline({ topic: question })),
      );
    }
    for (const answer of answers) expect(evidenceProblems(answer)).toEqual([]);
    expect(answers.filter((answer) => answer.results.length > 0).length).toBeGreaterThan(
      corpus.people.length,
    );
  });
});
