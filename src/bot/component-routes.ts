import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from "discord.js";
import { sendNotice } from "../interaction/reply.ts";
import { handleQaComponent, isQaCustomId } from "../moderation/discord/qa-components.ts";
import { isSourcesCustomId } from "../render/discord/card-sources.ts";
import { isPageButton } from "../render/discord/page-buttons.ts";
import { DEMAND_PICKER_ID } from "../render/discord/pages/demand-page.ts";
import { isQuizButton } from "../render/discord/quiz-messages.ts";
import type { CommandParts } from "./command.ts";
import type { Context } from "./context.ts";
import { STALE_BUTTON, turnPage } from "./page-turner.ts";
import { pickDemand } from "./pick-demand.ts";
import { showSources } from "./show-sources.ts";

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
