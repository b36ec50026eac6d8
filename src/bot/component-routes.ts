import type { ButtonInteraction, ModalSubmitInteraction } from "discord.js";
import { handleQaComponent, isQaCustomId } from "../moderation/discord/qa-components.ts";
import { isPageButton } from "../render/discord/page-buttons.ts";
import { isQuizButton } from "../render/discord/quiz-messages.ts";
import type { CommandContext } from "./command.ts";
import { STALE_BUTTON, turnPage } from "./page-turner.ts";
import { sendNotice } from "./reply.ts";

/** A family of buttons or forms, recognised by its custom ids, and what answers them. */
export interface ComponentRoute {
  claims(customId: string): boolean;
  handle(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: CommandContext): Promise<void>;
}

/**
 * Every custom id the bot writes belongs to one of these. The custom id is all a click carries, so
 * each family owns a distinct prefix (`page:`, `qa-…:`, `vote:`, `quiz:`) and decodes the rest itself.
 */
export const COMPONENT_ROUTES: readonly ComponentRoute[] = [
  {
    claims: isPageButton,
    handle: (interaction, ctx) =>
      interaction.isButton() ? turnPage(interaction, ctx) : sendNotice(interaction, STALE_BUTTON),
  },
  {
    claims: isQaCustomId,
    handle: (interaction, ctx) => handleQaComponent(interaction, ctx.moderation),
  },
  {
    claims: isQuizButton,
    handle: (interaction, ctx) =>
      interaction.isButton() ? ctx.quizzes.answer(interaction) : sendNotice(interaction, STALE_BUTTON),
  },
];
