import { UserError } from "../../user-error.ts";

/** Past this, a "question" is a pasted text: only its beginning is read (and it stays fast). */
export const MAX_QUESTION_LENGTH = 500;

/** Refuses an empty question; shortens an overlong one at a word boundary. */
export function readQuestion(question: string): string {
  const trimmed = question.trim();
  if (trimmed.length === 0) {
    throw new UserError(
      "empty-question",
      "Type a question, for example: What is Russia demanding from NATO?",
    );
  }
  if (trimmed.length <= MAX_QUESTION_LENGTH) return trimmed;
  const cut = trimmed.slice(0, MAX_QUESTION_LENGTH);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
}

/** True when the text has nothing a search could use: only emoji, symbols or punctuation. */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
