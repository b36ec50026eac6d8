import type { ButtonInteraction, StringSelectMenuInteraction } from "discord.js";
import type { Dossier } from "../answer/dossier.ts";
import { sendNotice, sendReply } from "../interaction/reply.ts";
import { allExcerpts } from "../render/card-content.ts";
import { type AnswerView, sourcesKey } from "../render/discord/answer-view.ts";
import { decodeSourcesTarget, renderSources } from "../render/discord/card-sources.ts";
import type { Context } from "./context.ts";

export const UNKNOWN_SOURCES = "Those sources are no longer in the dossier — run the command again.";

/**
 * "Sources (N)" and the timeline's sources menu: everything the card's entry cites, shown privately
 * to whoever pressed, whoever asked. Nothing is remembered: the custom id (or the chosen option)
 * names the entry, and the dossier lists its evidence afresh; a server's own entry is looked up in
 * the server the button was pressed in.
 */
export async function showSources(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  ctx: Pick<Context, "dossier">,
): Promise<void> {
  const chosen = interaction.isStringSelectMenu() ? interaction.values[0] : interaction.customId;
  const target = chosen === undefined ? undefined : decodeSourcesTarget(chosen);
  const guildId = interaction.guildId ?? undefined;
  const result = target && ctx.dossier.evidence(target.kind, target.id, guildId);
  if (result === undefined) return sendNotice(interaction, UNKNOWN_SOURCES);
  await sendReply(interaction, renderSources(result), { ephemeral: true });
}

/** How much each result's entry cites in all, for its "Sources (N)" button. */
export function withSourceCounts(view: AnswerView, dossier: Dossier, guildId: string | null): AnswerView {
  const counts = new Map<string, number>();
  for (const result of view.answer.results) {
    const evidence = dossier.evidence(result.kind, result.id, guildId ?? undefined);
    counts.set(sourcesKey(result), evidence === undefined ? 0 : allExcerpts(evidence).length);
  }
  return { ...view, sourceCounts: counts };
}
