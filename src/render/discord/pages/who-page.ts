import type { APIEmbed } from "discord.js";
import type { AnswerResult } from "../../../answer/types.ts";
import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_SIZE, pagedItems } from "../answer-view.ts";
import { escapeText } from "../escape.ts";
import { formatExcerptList } from "../excerpt-list.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { COLORS } from "../payload.ts";
import { type PageBody, resultsOnPage } from "./page-body.ts";
import { quoteField } from "./quote-field.ts";

/**
 * /who: the person's card (role, other names, where the articles introduce them) on every page, then
 * their quotations, a few per page. Card and quotes share the 6,000 characters of one message.
 */
export function whoPage(view: Extract<AnswerView, { kind: "who" }>, page: number): PageBody {
  const { confident } = view.answer;
  const people = view.answer.results.filter((result) => result.kind === "person");
  const quotes = resultsOnPage(pagedItems(view), page, PAGE_SIZE.who);
  const embeds = people.slice(0, 1).map((person) => personEmbed(person, confident));
  if (quotes.length > 0) {
    const name = people[0]?.person?.name ?? people[0]?.heading;
    embeds.push({
      title: truncateText(escapeText(name === undefined ? "Quotes" : `Quotes by ${name}`), LIMITS.title),
      color: confident ? COLORS.confident : COLORS.notConfident,
      fields: quotes.map((quote) => quoteField(quote, 900)),
    });
  }
  const shown = [...people.slice(0, 1), ...quotes];
  const body: PageBody = {
    embeds,
    citations: shown.flatMap((result) => result.excerpts.map((excerpt) => excerpt.citation)),
  };
  const note = coverageNote(view.answer);
  if (note !== undefined) body.content = note;
  return body;
}

function personEmbed(result: AnswerResult, confident: boolean): APIEmbed {
  const person = result.person;
  const role = person?.role ?? result.summary;
  const aliases = (person?.aliases ?? []).filter((alias) => alias !== person?.name);
  const lines = [
    role === undefined ? undefined : `**${escapeText(role)}**`,
    aliases.length === 0
      ? undefined
      : `Also called: ${truncateText(aliases.map(escapeText).join(", "), 300)}`,
  ].filter((line) => line !== undefined);
  const header = lines.join("\n");
  const excerpts = formatExcerptList(result.excerpts, 1500 - header.length);
  return {
    title: truncateText(escapeText(person?.name ?? result.heading ?? result.id), LIMITS.title),
    color: confident ? COLORS.confident : COLORS.notConfident,
    description: [header, excerpts].filter((part) => part.length > 0).join("\n\n"),
  };
}
