import type { ButtonInteraction } from "discord.js";
import { decodePageButton } from "../render/discord/page-buttons.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { CommandContext } from "./command.ts";
import { editOf, sendNotice, sendReply } from "./reply.ts";

export const EXPIRED_ANSWER = "This answer has expired — ask again.";
export const STALE_BUTTON = "This button no longer works — run the command again.";

/**
 * "More" / "Previous". The member the buttons were made for turns the message's page in place; anyone
 * else who clicks gets the page as a private copy of their own. Turning a public message for everyone
 * would pull the text away from whoever is reading it, yet the answer is public, so a second reader is
 * shown it rather than refused.
 */
export async function turnPage(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const target = decodePageButton(interaction.customId);
  if (target === undefined) return sendNotice(interaction, STALE_BUTTON);
  const stored = await ctx.pages.recall(target.key);
  if (stored === undefined) return sendNotice(interaction, EXPIRED_ANSWER);

  if (interaction.user.id === target.viewerId) {
    const paging = { key: target.key, viewerId: target.viewerId };
    const page = renderAnswerPage(stored.view, target.page, paging, stored.extraRows);
    await interaction.update(editOf(page));
    return;
  }
  const paging = { key: target.key, viewerId: interaction.user.id };
  const copy = renderAnswerPage(stored.view, target.page, paging, stored.extraRows);
  await sendReply(interaction, copy, { ephemeral: true });
}
