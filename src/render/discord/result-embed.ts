import type { APIEmbed, APIEmbedField } from "discord.js";
import type { AnswerResult, Citation } from "../../answer/types.ts";
import { escapeText } from "./escape.ts";
import { formatExcerptList } from "./excerpt-list.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import { COLORS } from "./payload.ts";

export interface ResultBudget {
  /** For the summary and the main excerpts together. */
  description: number;
  /** Labelled sections (a demand's reasoning, the Western response…) become fields, up to this many. */
  sections: number;
}

/**
 * One result as an embed: its heading (or the article's title) as the title, linked to the article;
 * a curated summary first when there is one; then the verbatim excerpts, each with its citation.
 */
export function resultEmbed(result: AnswerResult, confident: boolean, budget: ResultBudget): APIEmbed {
  const first = result.excerpts[0]?.citation;
  const embed: APIEmbed = {
    title: truncateText(escapeText(titleOf(result)), LIMITS.title),
    color: confident ? COLORS.confident : COLORS.notConfident,
  };
  if (first?.url !== undefined) embed.url = first.url;

  const summary =
    result.summary === undefined ? "" : truncateText(escapeText(result.summary), budget.description / 2);
  const room = budget.description - (summary.length > 0 ? summary.length + 2 : 0);
  const description = [summary, formatExcerptList(result.excerpts, room)].filter((part) => part.length > 0);
  if (description.length > 0) embed.description = description.join("\n\n");

  const fields = sectionFields(result).slice(0, budget.sections);
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/** A passage is titled by its article (and section); curated entries by their own heading. */
function titleOf(result: AnswerResult): string {
  const article = result.excerpts[0]?.citation.title;
  if (result.kind !== "passage") return result.heading ?? article ?? result.id;
  const parts = [article, result.heading].filter((part) => part !== undefined);
  return parts.length === 0 ? result.id : parts.join(" — ");
}

function sectionFields(result: AnswerResult): APIEmbedField[] {
  return (result.sections ?? [])
    .filter((section) => section.excerpts.length > 0)
    .map((section) => ({
      name: truncateText(escapeText(section.label), LIMITS.fieldName),
      value: formatExcerptList(section.excerpts, LIMITS.fieldValue),
    }));
}

/** Every citation a result shows, best first: what the page's "Read" buttons link to. */
export function citationsOf(result: AnswerResult): Citation[] {
  return [
    ...result.excerpts.map((excerpt) => excerpt.citation),
    ...(result.sections ?? []).flatMap((section) => section.excerpts.map((excerpt) => excerpt.citation)),
  ];
}
