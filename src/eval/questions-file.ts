import { readFileSync } from "node:fs";
import { z } from "zod";
import { UserError } from "../user-error.ts";

/** One evaluation question: `gold: []` marks a question the articles do not answer. */
export const evaluationQuestionSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  gold: z.array(z.string().trim().min(1)),
});

export const evaluationFileSchema = z.array(evaluationQuestionSchema).min(1);

export type EvaluationQuestion = z.infer<typeof evaluationQuestionSchema>;

/** Reads and validates an evaluation file; every problem is a UserError naming the file. */
export function readEvaluationFile(file: string): EvaluationQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError("eval-file-missing", `Cannot read the evaluation file ${file}: check the path.`);
  }
  return parseEvaluationQuestions(text, file);
}

/** Validates the text of an evaluation file (`file` names it in messages). */
export function parseEvaluationQuestions(text: string, file: string): EvaluationQuestion[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError("eval-file-json", `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = evaluationFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new UserError(
      "eval-file-shape",
      `${file}${where}: ${issue?.message ?? "invalid"}. Expected [{ "id", "question", "gold": [phrases] }].`,
    );
  }
  const seen = new Set<string>();
  for (const question of parsed.data) {
    if (seen.has(question.id))
      throw new UserError("eval-file-ids", `${file}: id "${question.id}" is used twice.`);
    seen.add(question.id);
  }
  return parsed.data;
}
