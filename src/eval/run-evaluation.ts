import type { Dossier } from "../answer/dossier.ts";
import { readEvaluationFile } from "./questions-file.ts";
import { type EvaluationReport, scoreEvaluation } from "./score-evaluation.ts";

/** What `dossier eval <file>` runs: read and validate the questions, then score them. */
export function runEvaluation(file: string, dossier: Dossier): EvaluationReport {
  return scoreEvaluation(dossier, readEvaluationFile(file));
}
