import type { APIEmbedField } from "discord.js";
import { formatPartialDate } from "../../../text/partial-date.ts";
import { type CardContent, cardContents, speakerTitle } from "../../card-content.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET, PAGE_SIZE } from "../answer-view.ts";
import { escapeText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { COLORS } from "../payload.ts";
import { formatCitation, formatQuotedExcerpt } from "../quoted-excerpt.ts";
import { echoInput, type PageBody, resultsOnPage } from "./page-body.ts";

/** /quote: one embed, a field per quotation: who (and their role then), the words, the occasion, the source. */
export function quotePage(view: Extract<AnswerView, { kind: "quote" }>, page: number): PageBody {
  const { confident } = view.answer;
  const shown = resultsOnPage(view.answer.results, page, PAGE_SIZE.quote);
  const filters = [
    view.speaker === undefined ? undefined : `by ${echoInput(view.speaker, 100)}`,
    view.topic === undefined ? undefined : `about ${echoInput(view.topic, 100)}`,
  ].filter((part) => part !== undefined);
  const title = filters.length === 0 ? "Quotes" : truncateText(`Quotes ${filters.join(" ")}`, LIMITS.title);
  const share = Math.floor((PAGE_BUDGET - title.length) / Math.max(1, shown.length));
  const body: PageBody = {
    embeds: [
      {
        title,
        color: confident ? COLORS.confident : COLORS.notConfident,
        fields: cardContents(shown, view.answer.results).map((card) => quoteField(card, share)),
      },
    ],
    rows: [],
  };
  const note = coverageNote(view.answer);
  if (note !== undefined) body.content = note;
  return body;
}

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
      : speakerTitle(speaker, " — ");
  const occasionLine = speakerKnown || said === "" ? "" : `\n${truncateText(escapeText(said), 200)}`;
  const fieldName = truncateText(escapeText(name), LIMITS.fieldName);
  const excerpt = card.excerpt;
  if (excerpt === undefined) return { name: fieldName, value: occasionLine.trim() || "—" };
  const citation = formatCitation(excerpt.citation, { link: true });
  const room =
    Math.min(max, LIMITS.fieldValue) - fieldName.length - occasionLine.length - citation.length - 1;
  return { name: fieldName, value: `${formatQuotedExcerpt(excerpt, room)}${occasionLine}\n${citation}` };
}
