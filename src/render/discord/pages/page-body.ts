import type { APIEmbed } from "discord.js";
import type { AnswerResult } from "../../../answer/answer.ts";
import { allExcerpts, type CardContent } from "../../card-content.ts";
import { type AnswerView, sourcesKey } from "../answer-view.ts";
import type { SourcesEntry } from "../card-sources.ts";
import { escapeText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";
import type { ComponentRow } from "../payload.ts";

/** What one page of an answer shows, before the footer, the paging buttons and the final fit are added. */
export interface PageBody {
  content?: string;
  embeds: APIEmbed[];
  /** The page's own components (Sources, the demand picker), above the paging row. */
  rows: ComponentRow[];
}

/** The results on page `page` (0-based) when each page holds `size`. */
export function resultsOnPage(results: readonly AnswerResult[], page: number, size: number): AnswerResult[] {
  return results.slice(page * size, (page + 1) * size);
}

/** What the member typed, escaped and on one line, short enough for a header. */
export function echoInput(text: string, max = 300): string {
  return truncateText(escapeText(text.replace(/\s+/g, " ").trim()), max);
}

/**
 * The cards that show less than their entry cites, with how much it cites: each gets "Sources (N)".
 * Without counts from the bot (a test rendering an answer by itself), the result's own excerpts count.
 */
export function sourcesEntries(
  view: AnswerView,
  cards: readonly CardContent[],
  numberOf?: (index: number) => number,
): SourcesEntry[] {
  return cards.flatMap((card, index) => {
    const count = view.sourceCounts?.get(sourcesKey(card.result)) ?? allExcerpts(card.result).length;
    const shown = (card.excerpt === undefined ? 0 : 1) + card.sections.length;
    if (count <= shown) return [];
    const number = numberOf?.(index);
    return [{ result: card.result, count, ...(number === undefined ? {} : { number }) }];
  });
}
