import type { AnswerResult } from "../../../answer/types.ts";
import { formatPartialDate } from "../../../text/partial-date.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_SIZE } from "../answer-view.ts";
import { escapeText } from "../escape.ts";
import { formatCitation, formatQuotedExcerpt } from "../excerpt.ts";
import { COLORS } from "../payload.ts";
import { echoInput, type PageBody, resultsOnPage } from "./page-body.ts";

/** Each event's share of the 4,096-character description, so eight always fit. */
const EVENT_BUDGET = Math.floor(4000 / PAGE_SIZE.timeline);

/** /timeline: a dated list, oldest first, each event with one excerpt that dates it and its source. */
export function timelinePage(view: Extract<AnswerView, { kind: "timeline" }>, page: number): PageBody {
  const { confident } = view.answer;
  const shown = resultsOnPage(view.answer.results, page, PAGE_SIZE.timeline);
  const range = [
    view.from === undefined ? undefined : `from ${echoInput(view.from, 40)}`,
    view.to === undefined ? undefined : `to ${echoInput(view.to, 40)}`,
    view.topic === undefined ? undefined : `about ${echoInput(view.topic, 100)}`,
  ].filter((part) => part !== undefined);
  const body: PageBody = {
    embeds: [
      {
        title: range.length === 0 ? "Timeline" : `Timeline ${range.join(" ")}`,
        color: confident ? COLORS.confident : COLORS.notConfident,
        description: shown.map(eventEntry).join("\n\n"),
      },
    ],
    citations: shown.flatMap((result) => result.excerpts.slice(0, 1).map((excerpt) => excerpt.citation)),
  };
  const note = coverageNote(view.answer);
  if (note !== undefined) body.content = note;
  return body;
}

function eventEntry(result: AnswerResult): string {
  const date =
    result.date === undefined ? "" : `**${escapeText(formatPartialDate(result.date, "short"))}** · `;
  const title = `${date}${escapeText(result.heading ?? result.id)}`;
  const excerpt = result.excerpts[0];
  if (excerpt === undefined) return title;
  const citation = formatCitation(excerpt.citation);
  const more = result.excerpts.length > 1 ? ` (+${result.excerpts.length - 1} more)` : "";
  const room = EVENT_BUDGET - title.length - citation.length - more.length - 2;
  return `${title}\n${formatQuotedExcerpt(excerpt, room)}\n${citation}${more}`;
}
