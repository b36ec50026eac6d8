import { type APIButtonComponent, type APIEmbed, ComponentType } from "discord.js";
import type { Answer } from "../../answer/answer.ts";
import { NOTHING_MATCHES, NOTHING_MORE } from "../card-content.ts";
import { type AnswerView, pageCountOf } from "./answer-view.ts";
import { fitMessage } from "./fit-message.ts";
import { LIMITS } from "./limits.ts";
import { pageButtons } from "./page-buttons.ts";
import { askPage } from "./pages/ask-page.ts";
import { demandPage } from "./pages/demand-page.ts";
import type { PageBody } from "./pages/page-body.ts";
import { quotePage } from "./pages/quote-page.ts";
import { timelinePage } from "./pages/timeline-page.ts";
import { whoPage } from "./pages/who-page.ts";
import { type ButtonRow, COLORS, type ComponentRow, type MessagePayload } from "./payload.ts";

/** Where "More"/"Previous" lead: the cached answer's key. */
export interface PagingTarget {
  key: string;
}

/**
 * One page of an answer as a complete message: the body for its kind, "Page i of n" in the last
 * embed's footer, the page's own row (Sources, the demand picker), then one quiet row: Previous and
 * More where they lead somewhere, beside any `extraRows` buttons (Helpful / Not helpful under /ask).
 * `page` is clamped, so a stale or forged page number still shows a real page.
 */
export function renderAnswerPage(
  view: AnswerView,
  page: number,
  paging?: PagingTarget,
  extraRows: readonly ButtonRow[] = [],
): MessagePayload {
  const pageCount = pageCountOf(view);
  const current = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  const body = bodyOf(view, current);
  // Nothing matched: the header still repeats what was asked, and the embed says so plainly.
  if (view.answer.results.length === 0) body.embeds = [nothingFound(view)];

  const last = body.embeds.at(-1);
  if (last !== undefined && pageCount > 1) last.footer = { text: `Page ${current + 1} of ${pageCount}` };

  const quiet: APIButtonComponent[] = [
    ...(paging === undefined ? [] : pageButtons(paging, current, pageCount)),
    ...extraRows.flatMap((row) => row.components),
  ].slice(0, LIMITS.buttonsPerRow);
  const rows: ComponentRow[] = [
    ...body.rows,
    ...(quiet.length === 0 ? [] : [{ type: ComponentType.ActionRow as const, components: quiet }]),
  ];
  const payload: MessagePayload = { embeds: body.embeds, components: rows };
  if (body.content !== undefined) payload.content = body.content;
  return fitMessage(payload);
}

function bodyOf(view: AnswerView, page: number): PageBody {
  switch (view.kind) {
    case "ask":
      return askPage(view, page);
    case "demand":
      return demandPage(view);
    case "quote":
      return quotePage(view, page);
    case "timeline":
      return timelinePage(view, page);
    case "who":
      return whoPage(view, page);
  }
}

function nothingFound(view: AnswerView): APIEmbed {
  const description = view.answer.readWith === undefined ? NOTHING_MATCHES[view.kind] : NOTHING_MORE;
  return { description, color: COLORS.notConfident };
}

/**
 * What each card of an /ask answer's first page shows, as plain words (no markdown, quote marks or
 * escapes): what the evaluation reads as "shown", since a card shortens a long excerpt to fit.
 */
export function shownCards(question: string, answer: Answer): string[] {
  const { embeds = [] } = renderAnswerPage({ kind: "ask", question, answer }, 0);
  return embeds.map((embed) =>
    [embed.description ?? "", ...(embed.fields ?? []).map((field) => field.value)]
      .join("\n")
      .replace(/\*\*/g, "")
      .replace(/\\(.)/g, "$1")
      .replace(/^> /gm, ""),
  );
}
