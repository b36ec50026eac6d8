import type { Answer } from "../answer/answer.ts";
import type { Dossier } from "../answer/dossier.ts";
import { foldQuotesAndSpace } from "../text/fold.ts";
import { UserError } from "../user-error.ts";
import type { EvaluationQuestion } from "./questions-file.ts";
import { readEvaluationFile } from "./questions-file.ts";

export interface QuestionOutcome {
  id: string;
  question: string;
  answerable: boolean;
  confident: boolean;
  /** 1-based rank of the first excerpt containing a gold phrase; undefined when none does. */
  rank?: number;
  /** The first excerpts returned, to show what came back instead. */
  excerpts: string[];
  /** The gold phrases: what an excerpt should have contained. */
  expected: string[];
  /** The message of a UserError, when the question was refused. */
  refused?: string;
  /** 1-based number of the first card showing a gold phrase as Discord shows it, when cards were read. */
  shownCard?: number;
}

export interface EvaluationReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  /**
   * The same as Discord shows the answer, card by card (a card shortens a long excerpt to fit):
   * when cards were read (`shownCards`).
   */
  shown?: { hitAt1: number; hitAt3: number };
  /** Mean reciprocal rank over answerable questions (0 for a question never hit). */
  mrr: number;
  /** Share of unanswerable questions answered with confident: false. */
  unanswerableFlagged: number;
  /** Share of answerable questions wrongly answered with confident: false. */
  answerableUnconfident: number;
  /**
   * Of the questions answered "not covered", the share the articles indeed do not answer: the
   * precision of "not covered", whose recall is `unanswerableFlagged` (0 when none was flagged).
   */
  notCoveredPrecision: number;
  /** Answerable questions not hit within 3 excerpts, and unanswerable ones answered confidently. */
  misses: QuestionOutcome[];
  outcomes: QuestionOutcome[];
}

const SHOWN_EXCERPTS = 3;

function answerOf(dossier: Dossier, question: string): { answer: Answer; refused?: string } {
  try {
    return { answer: dossier.ask(question) };
  } catch (error) {
    if (error instanceof UserError)
      return { answer: { confident: false, results: [] }, refused: error.message };
    throw error;
  }
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

/**
 * Scores `ask` on evaluation questions. Only excerpts count (a Q&A summary is curated wording, not
 * evidence): they are flattened in answer order, and a question is a hit at rank k when one of the
 * first k contains a gold phrase.
 */
export function scoreEvaluation(
  dossier: Dossier,
  questions: ReadonlyArray<EvaluationQuestion>,
  /** What each card of the answer shows, as plain words (the Discord renderer's `shownCards`). */
  shownCards?: (question: string, answer: Answer) => string[],
): EvaluationReport {
  const outcomes = questions.map((question): QuestionOutcome => {
    const { answer, refused } = answerOf(dossier, question.question);
    const excerpts = answer.results.flatMap((result) => result.excerpts.map((excerpt) => excerpt.text));
    const hitIndex = excerpts.findIndex((text) => containsGold(text, question.gold));
    const shownIndex =
      shownCards && question.gold.length > 0
        ? shownCards(question.question, answer).findIndex((card) => containsGold(card, question.gold))
        : -1;
    return {
      id: question.id,
      question: question.question,
      answerable: question.gold.length > 0,
      confident: answer.confident,
      ...(hitIndex >= 0 ? { rank: hitIndex + 1 } : {}),
      ...(shownIndex >= 0 ? { shownCard: shownIndex + 1 } : {}),
      excerpts: excerpts.slice(0, SHOWN_EXCERPTS),
      expected: question.gold,
      ...(refused === undefined ? {} : { refused }),
    };
  });
  const answerable = outcomes.filter((outcome) => outcome.answerable);
  const unanswerable = outcomes.filter((outcome) => !outcome.answerable);
  const hitWithin = (k: number) => answerable.filter((o) => o.rank !== undefined && o.rank <= k).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(hitWithin(1), answerable.length),
    hitAt3: share(hitWithin(3), answerable.length),
    ...(shownCards && {
      shown: {
        hitAt1: share(answerable.filter((o) => o.shownCard === 1).length, answerable.length),
        hitAt3: share(answerable.filter((o) => (o.shownCard ?? Infinity) <= 3).length, answerable.length),
      },
    }),
    mrr: share(
      answerable.reduce((sum, o) => sum + (o.rank === undefined ? 0 : 1 / o.rank), 0),
      answerable.length,
    ),
    unanswerableFlagged: share(unanswerable.filter((o) => !o.confident).length, unanswerable.length),
    answerableUnconfident: share(answerable.filter((o) => !o.confident).length, answerable.length),
    notCoveredPrecision: share(
      unanswerable.filter((o) => !o.confident).length,
      outcomes.filter((o) => !o.confident).length,
    ),
    misses: outcomes.filter((o) => (o.answerable ? o.rank === undefined || o.rank > 3 : o.confident)),
    outcomes,
  };
}

/** Gold phrases are compared folding case, whitespace and quote style, nothing else. */
export function foldForGold(text: string): string {
  return foldQuotesAndSpace(text).toLowerCase();
}

export function containsGold(excerpt: string, gold: ReadonlyArray<string>): boolean {
  const folded = foldForGold(excerpt);
  return gold.some((phrase) => folded.includes(foldForGold(phrase)));
}

/** What `dossier eval <file>` runs: read and validate the questions, then score them. */
export function runEvaluation(
  file: string,
  dossier: Dossier,
  shownCards?: (question: string, answer: Answer) => string[],
): EvaluationReport {
  return scoreEvaluation(dossier, readEvaluationFile(file), shownCards);
}
