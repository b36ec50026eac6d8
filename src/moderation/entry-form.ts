import type { Corpus } from "../knowledge/corpus.ts";
import type { Citation } from "../knowledge/schema.ts";
import { parseCitationsText, type QaContent, validateEntry } from "../store/index.ts";

/**
 * The /qa add and /qa edit form as text: four inputs, read into an entry's content or into sentences
 * that say what to fix. Nothing here knows Discord; the modal is built in discord/qa-entry-modal.ts.
 */

export interface FormValues {
  question: string;
  answer: string;
  /** One phrasing or keyword a line. */
  alternatives: string;
  /** One citation a line: `article-id ¶N: excerpt`, or an excerpt pasted as it is. */
  citations: string;
}

export const FORM_FIELDS = [
  "question",
  "answer",
  "alternatives",
  "citations",
] as const satisfies ReadonlyArray<keyof FormValues>;

export type FormReading = { ok: true; content: QaContent } | { ok: false; problems: string[] };

const BULLET = /^(?:[-*•]|\d+[.)])\s+/u;

/** The store says this when there is no citation at all; the citation parser already said why. */
const NO_CITATION = "Add at least one citation";

export function splitAlternatives(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim().replace(BULLET, "").trim())
    .filter((line) => line !== "");
}

export function citationLine(citation: Citation): string {
  return `${citation.article} ¶${citation.paragraph}: ${citation.excerpt.replace(/\s+/g, " ").trim()}`;
}

/** An entry's content as the form shows it when editing: what a moderator would have typed. */
export function formValuesOf(content: QaContent): FormValues {
  return {
    question: content.question,
    answer: content.answer,
    alternatives: content.alternatives.join("\n"),
    citations: content.citations.map(citationLine).join("\n"),
  };
}

/**
 * Reads the form. Every problem is reported at once (a lost modal is retyped, so one round-trip per
 * mistake would be cruel); a question another entry already asks is left to the store, which knows
 * the guild's entries.
 */
export function readEntryForm(values: FormValues, corpus: Corpus): FormReading {
  const parsed = parseCitationsText(values.citations, corpus);
  const content: QaContent = {
    question: values.question,
    answer: values.answer,
    alternatives: splitAlternatives(values.alternatives),
    citations: parsed.citations,
  };
  const checked = validateEntry(content, { corpus, findGuildQuestion: () => undefined });
  if (parsed.problems.length === 0) return checked.ok ? { ok: true, content: checked.content } : checked;

  const others = checked.ok ? [] : checked.problems.filter((problem) => !problem.startsWith(NO_CITATION));
  return { ok: false, problems: [...others, ...parsed.problems] };
}
