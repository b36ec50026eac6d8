import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  type ConfidenceModel,
  type ConfidenceSample,
  type ConfidenceSignals,
  confidenceOf,
  fitConfidence,
} from "../answer/ask/confidence.ts";
import type { Dossier } from "../answer/dossier.ts";
import { UserError } from "../user-error.ts";
import { type EvaluationQuestion, readEvaluationFile } from "./questions-file.ts";

/**
 * The sets the confidence model may be fitted on: every evaluation file in the folder but the
 * held-out ones (holdout*.json), which are scored and never mined.
 */
export function tunedSetsIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new UserError(
      "no-tuned-sets",
      `Cannot read the folder ${folder}: give the folder of the evaluation sets.`,
    );
  }
  const files = names
    .filter((name) => name.endsWith(".json") && !name.startsWith("holdout"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((name) => join(folder, name));
  if (files.length === 0)
    throw new UserError(
      "no-tuned-sets",
      `No evaluation set to fit on in ${folder}: give the folder of dev*.json.`,
    );
  return files;
}

export interface ObservedQuestion extends ConfidenceSample {
  /** Whether its results passed the checks of what it names and asks for (without which no model helps). */
  checked: boolean;
}

/**
 * What each question's confidence is read from, as its first answer worked out saw it (a question
 * asked of one article may be answered again from the others). Questions refused (small talk, no
 * words) have none and are left out.
 */
export function observeQuestions(
  dossier: Dossier,
  questions: readonly EvaluationQuestion[],
): ObservedQuestion[] {
  const observed: ObservedQuestion[] = [];
  for (const question of questions) {
    let first: { signals: ConfidenceSignals; checked: boolean } | undefined;
    try {
      dossier.ask(question.question, {
        observe: (signals, checked) => {
          first ??= { signals, checked };
        },
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
    if (first !== undefined) observed.push({ ...first, answerable: question.gold.length > 0 });
  }
  return observed;
}

/** Fitted on the questions whose results pass the checks: for the others the model decides nothing. */
export function fitOnObserved(observed: readonly ObservedQuestion[]): ConfidenceModel {
  return fitConfidence(observed.filter((question) => question.checked));
}

export interface Misjudged {
  probability: number;
  /** Answerable questions the model would call not covered. */
  answerableFlagged: number;
  /** Questions the articles do not answer that it would answer. */
  unanswerableAnswered: number;
}

/** How many questions the model would misjudge at each of these probabilities. */
export function misjudgedAt(
  model: ConfidenceModel,
  observed: readonly ObservedQuestion[],
  probabilities: readonly number[],
): Misjudged[] {
  return probabilities.map((probability) => {
    let answerableFlagged = 0;
    let unanswerableAnswered = 0;
    for (const question of observed) {
      const confident = question.checked && confidenceOf(question.signals, model) >= probability;
      if (question.answerable && !confident) answerableFlagged += 1;
      if (!question.answerable && confident) unanswerableAnswered += 1;
    }
    return { probability, answerableFlagged, unanswerableAnswered };
  });
}

/** The tuned sets' questions, in file order. */
export function tunedQuestions(folder: string): EvaluationQuestion[] {
  return tunedSetsIn(folder).flatMap((file) => readEvaluationFile(file));
}
