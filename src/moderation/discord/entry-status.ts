import type { ChatInputCommandInteraction } from "discord.js";
import { readString } from "../../interaction/command-input.ts";
import { sendReply } from "../../interaction/reply.ts";
import { removeEntry, restoreEntry } from "../entry-actions.ts";
import type { Moderation } from "../moderation.ts";
import { requireGuildModerator } from "./interaction-guard.ts";
import { entryMessage } from "./qa-entry-embed.ts";

/** /qa remove and /qa restore: soft, so the entry and its history stay and can come back. */

export async function removeFromAnswers(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
  id: string,
): Promise<void> {
  const guildId = requireGuildModerator(interaction, moderation);
  // The store checks the reason (present, not too long) and says how to fix it.
  const reason = readString(interaction, "reason") ?? "";
  const entry = await removeEntry(moderation, guildId, id, reason, interaction.user.id);
  const text = `Removed \`${entry.id}\`: /ask no longer answers with it. Its history is kept; /qa restore ${entry.id} brings it back.`;
  await sendReply(interaction, entryMessage(entry, text), { ephemeral: true });
}

export async function restoreToAnswers(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
  id: string,
): Promise<void> {
  const guildId = requireGuildModerator(interaction, moderation);
  const entry = await restoreEntry(moderation, guildId, id, interaction.user.id);
  const text = `Restored \`${entry.id}\`: /ask answers with it again.`;
  await sendReply(interaction, entryMessage(entry, text), { ephemeral: true });
}
