import type { APIEmbed } from "discord.js";
import type { AnswerResult, Citation } from "../../../answer/types.ts";
import { escapeText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";

/** What one page of an answer shows, before the footer, the buttons and the final fit are added. */
export interface PageBody {
  content?: string;
  embeds: APIEmbed[];
  /** Citations shown on the page, best first, for the "Read" link buttons. */
  citations: Citation[];
}

/** The results on page `page` (0-based) when each page holds `size`. */
export function resultsOnPage(results: readonly AnswerResult[], page: number, size: number): AnswerResult[] {
  return results.slice(page * size, (page + 1) * size);
}

/** What the member typed, escaped and on one line, short enough for a header. */
export function echoInput(text: string, max = 300): string {
  return truncateText(escapeText(text.replace(/\s+/g, " ").trim()), max);
}
