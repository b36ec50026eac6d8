import { NOT_COVERED_MESSAGE } from "../../answer/messages.ts";
import type { Answer, AnswerResult, Excerpt } from "../../answer/types.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { renderCitation } from "./citation-line.ts";
import { type BlockLayout, renderQuoteBlock, wrapLines } from "./quote-block.ts";
import type { TerminalStyle } from "./style.ts";

export interface AnswerLayout {
  style: TerminalStyle;
  width?: number | undefined;
}

export const NOT_CONFIDENT_NOTE = `${NOT_COVERED_MESSAGE}. Closest passages:`;
export const NOTHING_FOUND = `${NOT_COVERED_MESSAGE}.`;
const INDENT = "   ";

/** An answer for a terminal: the same results, order and citations a Discord reply shows. */
export function renderAnswer(answer: Answer, layout: AnswerLayout): string {
  if (answer.results.length === 0) return NOTHING_FOUND;
  const blocks = answer.results.map((result, i) => renderResult(result, i, layout).join("\n"));
  if (!answer.confident) blocks.unshift(NOT_CONFIDENT_NOTE);
  return blocks.join("\n\n");
}

function renderResult(result: AnswerResult, index: number, layout: AnswerLayout): string[] {
  const block: BlockLayout = { style: layout.style, width: layout.width, indent: INDENT };
  const marker = result.kind === "event" ? "  •" : `[${index + 1}]`;
  const lines = [`${marker} ${layout.style.bold(headingOf(result))}`];
  for (const line of subheadingOf(result)) lines.push(...wrapLines(line, INDENT, layout.width));
  lines.push(...renderExcerpts(result.excerpts, block));
  for (const section of result.sections ?? []) {
    if (section.excerpts.length === 0) continue;
    lines.push(
      `${INDENT}${layout.style.bold(`${section.label}:`)}`,
      ...renderExcerpts(section.excerpts, block),
    );
  }
  return lines;
}

function headingOf(result: AnswerResult): string {
  const fallback = result.excerpts[0]?.citation.title ?? result.id;
  switch (result.kind) {
    case "event":
      return (
        [result.date && formatPartialDate(result.date, "long"), result.heading].filter(Boolean).join(" — ") ||
        fallback
      );
    case "quote":
      return result.speaker?.name ?? result.heading ?? fallback;
    case "person":
      return result.person?.name ?? result.heading ?? fallback;
    default:
      return result.heading ?? fallback;
  }
}

function subheadingOf(result: AnswerResult): string[] {
  const lines: string[] = [];
  if (result.kind === "quote" && result.speaker !== undefined) {
    const when = result.date === undefined ? "" : ` (${formatPartialDate(result.date, "long")})`;
    lines.push(`${result.speaker.role}, ${result.speaker.context}${when}`);
  }
  if (result.kind === "person" && result.person !== undefined) {
    lines.push(result.person.role);
    const aliases = result.person.aliases.filter((alias) => alias !== result.person?.name);
    if (aliases.length > 0) lines.push(`Also: ${aliases.join(", ")}`);
  }
  if (result.summary !== undefined && !lines.includes(result.summary)) lines.push(result.summary);
  return lines;
}

function renderExcerpts(excerpts: ReadonlyArray<Excerpt>, layout: BlockLayout): string[] {
  return excerpts.flatMap((excerpt) => [
    ...renderQuoteBlock(excerpt, layout),
    ...renderCitation(excerpt.citation, layout.indent, layout.style),
  ]);
}
