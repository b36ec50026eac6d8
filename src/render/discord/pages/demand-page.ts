import { type APIStringSelectComponent, ComponentType } from "discord.js";
import { cardContents } from "../../card-content.ts";
import type { AnswerView, DemandChoice } from "../answer-view.ts";
import { coverageNote, PAGE_BUDGET } from "../answer-view.ts";
import { cardEmbed } from "../card.ts";
import { sourcesButtonRow } from "../card-sources.ts";
import { escapeText, plainText } from "../escape.ts";
import { truncateText } from "../fit-text.ts";
import { LIMITS } from "../limits.ts";
import { COLORS, type ComponentRow } from "../payload.ts";
import { echoInput, type PageBody, sourcesEntries } from "./page-body.ts";

/** The demand picker's custom id; the chosen option's value is the demand's id. */
export const DEMAND_PICKER_ID = "demand:pick";

type DemandView = Extract<AnswerView, { kind: "demand" }>;

/**
 * /demand: without a topic, the list of demands with a menu to pick one; with a topic (or once one is
 * picked), the best match as a card: the demand, Russia's reasoning, the Western response and any
 * room for compromise, one excerpt each, "Sources" for the rest, and the menu to pick another.
 */
export function demandPage(view: DemandView): PageBody {
  const { results, confident } = view.answer;
  const choices =
    view.menu ?? results.map((result) => ({ id: result.id, title: result.heading ?? result.id }));
  const best = results[0];
  if (view.topic === undefined && results.length > 1) {
    return {
      embeds: [
        {
          title: `Russia's demands (${results.length})`,
          color: COLORS.confident,
          description: results
            .map((result, index) => `${index + 1}. ${escapeText(result.heading ?? result.id)}`)
            .join("\n"),
          footer: { text: "Pick one below for Russia's reasoning, the Western response and any compromise." },
        },
      ],
      rows: [pickerRow(choices)],
    };
  }
  const lines = [
    view.topic === undefined ? undefined : `**Demands about:** ${echoInput(view.topic, 100)}`,
    coverageNote(view.answer),
  ].filter((line) => line !== undefined);
  const cards = cardContents(results.slice(0, 1));
  const sources = sourcesButtonRow(sourcesEntries(view, cards));
  const body: PageBody = {
    embeds: cards.map((card) => cardEmbed(card, { confident, budget: PAGE_BUDGET })),
    rows: [
      ...(choices.length > 1 ? [pickerRow(choices, best?.id)] : []),
      ...(sources === undefined ? [] : [sources]),
    ],
  };
  if (lines.length > 0) body.content = lines.join("\n");
  return body;
}

function pickerRow(choices: readonly DemandChoice[], chosen?: string): ComponentRow {
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: DEMAND_PICKER_ID,
    placeholder: "Choose a demand…",
    options: choices.slice(0, LIMITS.selectOptions).map((choice, index) => ({
      label: truncateText(plainText(`${index + 1}. ${choice.title}`), LIMITS.choiceText),
      value: choice.id,
      ...(choice.id === chosen ? { default: true } : {}),
    })),
  };
  return { type: ComponentType.ActionRow, components: [select] };
}
