import { cardContents } from "../../card-content.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET, PAGE_SIZE, pagedItems } from "../answer-view.ts";
import { cardEmbed } from "../card.ts";
import { sourcesButtonRow } from "../card-sources.ts";
import { escapeText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { COLORS } from "../payload.ts";
import { type PageBody, resultsOnPage, sourcesEntries } from "./page-body.ts";
import { quoteField } from "./quote-page.ts";

/** The person's card takes this much of the page; their quotations share the rest. */
const PERSON_BUDGET = 600;

/**
 * /who: the person's card (who they are, where the articles introduce them) on every page, then their
 * quotations, a few per page, each named by its occasion: the person and their role head the page.
 */
export function whoPage(view: Extract<AnswerView, { kind: "who" }>, page: number): PageBody {
  const { confident } = view.answer;
  const people = view.answer.results.filter((result) => result.kind === "person").slice(0, 1);
  const quotes = resultsOnPage(pagedItems(view), page, PAGE_SIZE.who);
  const [person, ...quoteCards] = cardContents([...people, ...quotes], view.answer.results);
  const personCards = people.length === 0 || person === undefined ? [] : [person];
  const cards = people.length === 0 ? [person, ...quoteCards].filter((c) => c !== undefined) : quoteCards;
  const embeds = personCards.map((card) => cardEmbed(card, { confident, budget: PERSON_BUDGET }));
  if (cards.length > 0) {
    const name = people[0]?.person?.name ?? people[0]?.heading;
    const share = Math.floor((PAGE_BUDGET - PERSON_BUDGET) / cards.length);
    embeds.push({
      title: truncateText(escapeText(name === undefined ? "Quotes" : `Quotes by ${name}`), LIMITS.title),
      color: confident ? COLORS.confident : COLORS.notConfident,
      fields: cards.map((quote) => quoteField(quote, share, name !== undefined)),
    });
  }
  const sources = sourcesButtonRow(sourcesEntries(view, personCards));
  const body: PageBody = { embeds, rows: sources === undefined ? [] : [sources] };
  const note = coverageNote(view.answer);
  if (note !== undefined) body.content = note;
  return body;
}
