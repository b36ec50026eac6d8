import { formatPartialDate } from "../../../text/partial-date.ts";
import { type CardContent, cardContents } from "../../card-content.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET, PAGE_SIZE } from "../answer-view.ts";
import { sourcesSelectRow } from "../card-sources.ts";
import { escapeText } from "../escape.ts";
import { COLORS } from "../payload.ts";
import { formatCitation, formatQuotedExcerpt } from "../quoted-excerpt.ts";
import { echoInput, type PageBody, resultsOnPage, sourcesEntries } from "./page-body.ts";

/** Each event's share of the page, so a page of them reads at a glance. */
const EVENT_BUDGET = Math.floor((PAGE_BUDGET - 100) / PAGE_SIZE.timeline);

/**
 * /timeline: a dated list, oldest first, each event with one excerpt that dates it and its source;
 * a menu opens the other sources of the events that have more.
 */
export function timelinePage(view: Extract<AnswerView, { kind: "timeline" }>, page: number): PageBody {
  const { confident } = view.answer;
  const shown = resultsOnPage(view.answer.results, page, PAGE_SIZE.timeline);
  const cards = cardContents(shown, view.answer.results);
  const range = [
    view.from === undefined ? undefined : `from ${echoInput(view.from, 40)}`,
    view.to === undefined ? undefined : `to ${echoInput(view.to, 40)}`,
    view.topic === undefined ? undefined : `about ${echoInput(view.topic, 100)}`,
  ].filter((part) => part !== undefined);
  const sources = sourcesSelectRow(
    sourcesEntries(view, cards).map((entry) => ({ ...entry, label: eventName(entry.result) })),
  );
  const body: PageBody = {
    embeds: [
      {
        title: range.length === 0 ? "Timeline" : `Timeline ${range.join(" ")}`,
        color: confident ? COLORS.confident : COLORS.notConfident,
        description: cards.map(eventEntry).join("\n\n"),
      },
    ],
    rows: sources === undefined ? [] : [sources],
  };
  const note = coverageNote(view.answer);
  if (note !== undefined) body.content = note;
  return body;
}

function eventName(result: CardContent["result"]): string {
  const date = result.date === undefined ? undefined : formatPartialDate(result.date, "short");
  return [date, result.heading ?? result.id].filter((part) => part !== undefined).join(" · ");
}

function eventEntry(card: CardContent): string {
  const { result, excerpt } = card;
  const date =
    result.date === undefined ? "" : `**${escapeText(formatPartialDate(result.date, "short"))}** · `;
  const title = `${date}${escapeText(result.heading ?? result.id)}`;
  if (excerpt === undefined) return title;
  const citation = formatCitation(excerpt.citation, { link: true });
  const room = EVENT_BUDGET - title.length - citation.length - 2;
  return `${title}\n${formatQuotedExcerpt(excerpt, room)}\n${citation}`;
}
