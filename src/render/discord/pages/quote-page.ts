import { cardContents } from "../../card-content.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET, PAGE_SIZE } from "../answer-view.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { COLORS } from "../payload.ts";
import { echoInput, type PageBody, resultsOnPage } from "./page-body.ts";
import { quoteField } from "./quote-field.ts";

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
