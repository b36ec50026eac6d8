import { z } from "zod";
import type { Corpus } from "../knowledge/corpus.ts";
import { citationProblem } from "./check-citation.ts";
import { preview } from "./locate-excerpt.ts";
import { QA_LIMITS } from "./qa-limits.ts";
import type { EntryStatus, QaContent } from "./qa-records.ts";
import { questionKey, visibleText } from "./question-key.ts";

/**
 * Validation of what a moderator submits, as sentences that say how to fix it. Text is stored as
 * typed (only trimmed): markdown, mentions and odd Unicode are escaped when rendered, never here.
 */

export interface EntryValidationContext {
  corpus: Corpus;
  /** The entry of this guild whose question has this folded key, if any. */
  findGuildQuestion: (key: string) => { id: string; status: EntryStatus } | undefined;
  /** The entry being edited: its own question is not a duplicate of itself. */
  editingId?: string;
}

export type EntryValidation =
  | { ok: true; content: QaContent; questionKey: string }
  | { ok: false; problems: string[] };

function lengthProblem(label: string, text: string, min: number, max: number): string | undefined {
  const visible = visibleText(text).length;
  if (visible === 0) return `The ${label} is empty: type a few words.`;
  if (visible < min) return `The ${label} is too short: write at least ${min} characters.`;
  if (text.length > max)
    return `The ${label} is ${text.length} characters long: shorten it to ${max} or fewer.`;
  return undefined;
}

function duplicateProblem(question: string, context: EntryValidationContext): string | undefined {
  const key = questionKey(question);
  const global = context.corpus.qa.find((entry) => questionKey(entry.question) === key);
  if (global) {
    return `The curated entry "${global.id}" already answers this question in every server: ask it differently or rely on that entry.`;
  }
  const own = context.findGuildQuestion(key);
  if (!own || own.id === context.editingId) return undefined;
  return own.status === "active"
    ? `This server already has this question as entry "${own.id}": edit that entry instead.`
    : `This server has this question in the removed entry "${own.id}": restore that entry instead.`;
}

function entrySchema(context: EntryValidationContext) {
  const issue = (ctx: z.RefinementCtx, message: string | undefined) => {
    if (message !== undefined) ctx.addIssue({ code: "custom", message });
  };
  return z.object(
    {
      question: z
        .string({ error: "The question is missing: type the question members ask." })
        .transform((text) => text.trim())
        .superRefine((text, ctx) => {
          const length = lengthProblem("question", text, QA_LIMITS.questionMin, QA_LIMITS.questionMax);
          issue(ctx, length ?? duplicateProblem(text, context));
        }),
      alternatives: z
        .array(z.string(), { error: "The alternatives must be a list of phrases." })
        .default([])
        .transform((list) => list.map((text) => text.trim()).filter((text) => visibleText(text) !== ""))
        .superRefine((list, ctx) => {
          const total = list.join("\n").length;
          if (total > QA_LIMITS.alternativesText) {
            issue(
              ctx,
              `The alternatives are ${total} characters long: keep them under ${QA_LIMITS.alternativesText}.`,
            );
          }
          const long = list.find((text) => text.length > QA_LIMITS.alternativeMax);
          if (long) {
            issue(
              ctx,
              `The alternative "${preview(long)}" is too long: keep each under ${QA_LIMITS.alternativeMax} characters.`,
            );
          }
        }),
      answer: z
        .string({ error: "The answer is missing: write a sentence or two." })
        .transform((text) => text.trim())
        .superRefine((text, ctx) =>
          issue(ctx, lengthProblem("answer", text, QA_LIMITS.answerMin, QA_LIMITS.answerMax)),
        ),
      citations: z
        .array(
          z.object({
            article: z.string(),
            paragraph: z.number().int(),
            excerpt: z.string().transform((text) => text.trim()),
          }),
          { error: "The citations must be a list of { article, paragraph, excerpt }." },
        )
        .superRefine((citations, ctx) => {
          if (citations.length < QA_LIMITS.citationsMin) {
            issue(ctx, "Add at least one citation: an excerpt copied word for word from an article.");
          }
          if (citations.length > QA_LIMITS.citationsMax) {
            issue(ctx, `There are ${citations.length} citations: keep the ${QA_LIMITS.citationsMax} best.`);
          }
          for (const citation of citations) {
            const where = `${citation.article} ¶${citation.paragraph}`;
            issue(
              ctx,
              lengthProblem(`excerpt for ${where}`, citation.excerpt, 3, QA_LIMITS.excerptMax) ??
                citationProblem(context.corpus, citation),
            );
          }
        }),
    },
    { error: "The entry must have a question, an answer and citations." },
  );
}

export function validateEntry(input: unknown, context: EntryValidationContext): EntryValidation {
  const parsed = entrySchema(context).safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === "custom" || issue.path.length <= 1
        ? issue.message
        : `The entry is malformed at ${issue.path.join(".")}: ${issue.message}`,
    );
    return { ok: false, problems: [...new Set(problems)] };
  }
  const content: QaContent = parsed.data;
  return { ok: true, content, questionKey: questionKey(content.question) };
}

export type ReasonValidation = { ok: true; reason: string } | { ok: false; problems: string[] };

/** Why an entry is being removed: kept in its history, so it must say something. */
export function validateRemovalReason(reason: unknown): ReasonValidation {
  if (typeof reason !== "string") return { ok: false, problems: ["Say why the entry is removed."] };
  const text = reason.trim();
  const problem = lengthProblem("reason", text, QA_LIMITS.removalReasonMin, QA_LIMITS.removalReasonMax);
  return problem === undefined ? { ok: true, reason: text } : { ok: false, problems: [problem] };
}
