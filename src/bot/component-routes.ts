import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from "discord.js";
import { editOf, sendNotice, sendReply } from "../interaction/reply.ts";
import { handleQaComponent, isQaCustomId } from "../moderation/discord/qa-components.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import { isSourcesCustomId } from "../render/discord/card-sources.ts";
import { isPageButton } from "../render/discord/page-buttons.ts";
import { DEMAND_PICKER_ID } from "../render/discord/pages/demand-page.ts";
import { isQuizButton } from "../render/discord/quiz-messages.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { CommandParts } from "./command.ts";
import type { Context } from "./context.ts";
import { STALE_BUTTON, turnPage } from "./page-turner.ts";
import { showSources, withSourceCounts } from "./show-sources.ts";

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** A family of buttons or forms, recognised by its custom ids, and what answers them. */
export interface ComponentRoute {
  claims(customId: string): boolean;
  handle(interaction: ComponentInteraction, ctx: Pick<Context, CommandParts>): Promise<void>;
}

/**
 * Every custom id the bot writes belongs to one of these. The custom id is all a click carries, so
 * each family owns a distinct prefix (`page:`, `qa-…:`, `vote:`, `quiz:`, `sources`, `demand:`) and
 * decodes the rest itself.
 */
export const COMPONENT_ROUTES: readonly ComponentRoute[] = [
  {
    claims: isPageButton,
    handle: (interaction, ctx) =>
      interaction.isButton() ? turnPage(interaction, ctx) : sendNotice(interaction, STALE_BUTTON),
  },
  {
    claims: isQaCustomId,
    handle: (interaction, ctx) =>
      interaction.isStringSelectMenu()
        ? sendNotice(interaction, STALE_BUTTON)
        : handleQaComponent(interaction, ctx.moderation),
  },
  {
    claims: isQuizButton,
    handle: (interaction, ctx) =>
      interaction.isButton() ? ctx.quizzes.answer(interaction) : sendNotice(interaction, STALE_BUTTON),
  },
  {
    claims: isSourcesCustomId,
    handle: (interaction, ctx) =>
      interaction.isModalSubmit() ? sendNotice(interaction, STALE_BUTTON) : showSources(interaction, ctx),
  },
  {
    claims: (customId) => customId === DEMAND_PICKER_ID,
    handle: (interaction, ctx) =>
      interaction.isStringSelectMenu() ? pickDemand(interaction, ctx) : sendNotice(interaction, STALE_BUTTON),
  },
];

const UNKNOWN_DEMAND = "That demand is no longer in the dossier — run /demand again.";

/**
 * A demand chosen in the /demand picker becomes its card. The member the message answers sees it in
 * place; anyone else gets it as a private copy (with the picker, to look at others), so nobody's
 * choice pulls the message away from whoever is reading it. Discord records whose message it is,
 * which a client cannot forge the way it can a custom id.
 */
async function pickDemand(
  interaction: StringSelectMenuInteraction,
  ctx: Pick<Context, "dossier">,
): Promise<void> {
  const all = ctx.dossier.demands();
  const chosen = all.results.find((result) => result.id === interaction.values[0]);
  if (chosen === undefined) return sendNotice(interaction, UNKNOWN_DEMAND);
  const menu = all.results.map((result) => ({ id: result.id, title: result.heading ?? result.id }));
  const view: AnswerView = { kind: "demand", menu, answer: { confident: true, results: [chosen] } };
  const page = renderAnswerPage(withSourceCounts(view, ctx.dossier, interaction.guildId), 0);
  if (interaction.message.interactionMetadata?.user.id === interaction.user.id) {
    await interaction.update(editOf(page));
  } else {
    await sendReply(interaction, page, { ephemeral: true });
  }
}
