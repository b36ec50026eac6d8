import type { ButtonInteraction } from "discord.js";
import { sendNotice, showTurnedPage } from "../interaction/reply.ts";
import { decodePageButton } from "../render/discord/page-buttons.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { Context } from "./context.ts";

export const EXPIRED_ANSWER = "This answer has expired — ask again.";
export const STALE_BUTTON = "This button no longer works — run the command again.";

/** "More" / "Previous": the page in place for the member the message answers, a private copy for anyone else. */
export async function turnPage(interaction: ButtonInteraction, ctx: Pick<Context, "pages">): Promise<void> {
  const target = decodePageButton(interaction.customId);
  if (target === undefined) return sendNotice(interaction, STALE_BUTTON);
  const stored = await ctx.pages.recall(target.key);
  if (stored === undefined) return sendNotice(interaction, EXPIRED_ANSWER);
  const page = renderAnswerPage(stored.view, target.page, { key: target.key }, stored.extraRows);
  await showTurnedPage(interaction, page);
}
