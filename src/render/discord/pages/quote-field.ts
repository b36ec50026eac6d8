import type { APIEmbedField } from "discord.js";
import { formatPartialDate } from "../../../text/partial-date.ts";
import type { CardContent } from "../../card-content.ts";
import { escapeText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { formatCitation, formatQuotedExcerpt } from "../quoted-excerpt.ts";

/**
 * A quotation as an embed field: the words, the occasion and the source. The name says who (and their
 * role then), or, on /who where the person heads the page, only when and where.
 */
export function quoteField(card: CardContent, max: number, speakerKnown = false): APIEmbedField {
  const { speaker, date, heading } = card.result;
  const when = date === undefined ? undefined : formatPartialDate(date, "short");
  const occasion = [speaker?.context, when].filter((part) => part !== undefined && part.length > 0);
  const said = occasion.join(", ");
  const name = speakerKnown
    ? said.charAt(0).toLocaleUpperCase("en") + said.slice(1) || "Quote"
    : speaker === undefined
      ? (heading ?? "Quote")
      : `${speaker.name} — ${speaker.role}`;
  const occasionLine = speakerKnown || said === "" ? "" : `\n${truncateText(escapeText(said), 200)}`;
  const fieldName = truncateText(escapeText(name), LIMITS.fieldName);
  const excerpt = card.excerpt;
  if (excerpt === undefined) return { name: fieldName, value: occasionLine.trim() || "—" };
  const citation = formatCitation(excerpt.citation, { link: true });
  const room =
    Math.min(max, LIMITS.fieldValue) - fieldName.length - occasionLine.length - citation.length - 1;
  return { name: fieldName, value: `${formatQuotedExcerpt(excerpt, room)}${occasionLine}\n${citation}` };
}
