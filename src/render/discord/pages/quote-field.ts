import type { APIEmbedField } from "discord.js";
import type { AnswerResult } from "../../../answer/types.ts";
import { formatPartialDate } from "../../../text/partial-date.ts";
import { escapeText } from "../escape.ts";
import { formatCitation, formatQuotedExcerpt } from "../excerpt.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";

/** A quotation as an embed field: who (and their role then) as the name; the words, the occasion and the source. */
export function quoteField(result: AnswerResult, max: number = LIMITS.fieldValue): APIEmbedField {
  const speaker = result.speaker;
  const name = speaker === undefined ? (result.heading ?? "Quote") : `${speaker.name} — ${speaker.role}`;
  const occasion = [
    speaker?.context,
    result.date === undefined ? undefined : formatPartialDate(result.date, "short"),
  ].filter((part) => part !== undefined && part.length > 0);
  const occasionLine = occasion.length === 0 ? "" : `\n${truncateText(escapeText(occasion.join(", ")), 300)}`;
  const fieldName = truncateText(escapeText(name), LIMITS.fieldName);
  const excerpt = result.excerpts[0];
  if (excerpt === undefined) return { name: fieldName, value: occasionLine.trim() || "—" };
  const citation = formatCitation(excerpt.citation);
  const room = max - occasionLine.length - citation.length - 1;
  return { name: fieldName, value: `${formatQuotedExcerpt(excerpt, room)}${occasionLine}\n${citation}` };
}
