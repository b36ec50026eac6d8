import type { StringSelectMenuInteraction } from "discord.js";
import { editOf, sendNotice, sendReply } from "../interaction/reply.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { Context } from "./context.ts";
import { withSourceCounts } from "./show-sources.ts";

export const UNKNOWN_DEMAND = "That demand is no longer in the dossier — run /demand again.";

/**
 * A demand chosen in the /demand picker becomes its card. The member the message answers sees it in
 * place; anyone else gets it as a private copy (with the picker, to look at others), so nobody's
 * choice pulls the message away from whoever is reading it. Discord records whose message it is,
 * which a client cannot forge the way it can a custom id.
 */
export async function pickDemand(
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
