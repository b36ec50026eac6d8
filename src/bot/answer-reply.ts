import type { ChatInputCommandInteraction } from "discord.js";
import { readPrivate } from "../interaction/command-input.ts";
import { type ReplyFile, sendReply } from "../interaction/reply.ts";
import { type AnswerView, pageCountOf } from "../render/discord/answer-view.ts";
import type { ButtonRow } from "../render/discord/payload.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { Context } from "./context.ts";
import { withSourceCounts } from "./show-sources.ts";

/**
 * Replies with the first page of an answer, privately when the member set `private`, with how much
 * each result cites for its "Sources" button. Only answers with more than one page are remembered for
 * the "More" / "Previous" buttons, so one-page answers cost the cache nothing.
 */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction,
  ctx: Pick<Context, "dossier" | "pages">,
  answered: AnswerView,
  extraRows: ButtonRow[] = [],
  files: readonly ReplyFile[] = [],
): Promise<void> {
  const view = withSourceCounts(answered, ctx.dossier, interaction.guildId);
  const ephemeral = readPrivate(interaction);
  const paging = pageCountOf(view) > 1 ? { key: await ctx.pages.remember({ view, extraRows }) } : undefined;
  await sendReply(interaction, renderAnswerPage(view, 0, paging, extraRows), { ephemeral, files });
}
