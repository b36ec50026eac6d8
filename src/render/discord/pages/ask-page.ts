import { cardContents } from "../../card-content.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET, PAGE_SIZE } from "../answer-view.ts";
import { cardEmbed } from "../card.ts";
import { sourcesButtonRow } from "../card-sources.ts";
import { echoInput, type PageBody, resultsOnPage, sourcesEntries } from "./page-body.ts";

/** A card alone on its page is still a card: it reads at a glance. */
const CARD_BUDGET = 800;
/**
 * The first card's share of a page: it is the answer, and a card shortens a long excerpt to fit. At
 * an even third, the first card left out the answering sentence its excerpt held for 49 of the
 * tuned sets' 1,182 first-excerpt hits; at 0.4 (the others share the rest), for 2, and the cards'
 * hit@3 rose by 30; the page is no longer.
 */
const FIRST_CARD_SHARE = 0.4;

/**
 * /ask: the question repeated (Discord shows only the command's name to other members), the note when
 * the articles do not seem to cover it, then a card per result, numbered across pages, each with its
 * one best excerpt; "Sources for n" buttons open the rest.
 */
export function askPage(view: Extract<AnswerView, { kind: "ask" }>, page: number): PageBody {
  const { confident } = view.answer;
  const results = resultsOnPage(view.answer.results, page, PAGE_SIZE.ask);
  const cards = cardContents(results, view.answer.results);
  const numberOf = (index: number) => page * PAGE_SIZE.ask + index + 1;
  const even = Math.floor(PAGE_BUDGET / Math.max(1, results.length));
  const first = Math.min(CARD_BUDGET, Math.max(even, Math.floor(PAGE_BUDGET * FIRST_CARD_SHARE)));
  const rest = Math.floor((PAGE_BUDGET - first) / Math.max(1, results.length - 1));
  const budgetOf = (index: number) => Math.min(CARD_BUDGET, index === 0 ? first : rest);
  const { readWith } = view.answer;
  const header = [
    `**Asked:** ${echoInput(view.question)}`,
    ...(readWith === undefined ? [] : [`-# Read with your last question: ${echoInput(readWith, 200)}`]),
  ].join("\n");
  const sources = sourcesButtonRow(sourcesEntries(view, cards, numberOf));
  return {
    content: [header, coverageNote(view.answer)].filter((line) => line !== undefined).join("\n"),
    embeds: cards.map((card, index) =>
      cardEmbed(card, {
        number: numberOf(index),
        confident,
        budget: budgetOf(index),
        ...(view.serverName === undefined ? {} : { serverName: view.serverName }),
      }),
    ),
    rows: sources === undefined ? [] : [sources],
  };
}
