import type { Interaction } from "discord.js";
import { UserError } from "../../user-error.ts";
import type { Moderation } from "../moderation.ts";
import { type MemberLike, requireModerator } from "../permissions.ts";

/** /qa and its buttons without a store (no DATA_DIR): a sentence rather than a crash. */
export function requireModeration(moderation: Moderation | undefined): Moderation {
  if (moderation === undefined) {
    throw new UserError(
      "qa-unavailable",
      "This copy of the bot keeps no server entries (it runs without a data folder): /ask still answers from the articles.",
    );
  }
  return moderation;
}

/** Entries belong to a server; the command is registered for servers only, but a DM can still arrive. */
export function requireGuild(interaction: Pick<Interaction, "guildId">): string {
  if (interaction.guildId === null) {
    throw new UserError("qa-needs-guild", "Q&A entries belong to a server: use /qa in a server channel.");
  }
  return interaction.guildId;
}

/** Changes (and /qa gaps) need both: a server, and a moderator of it. Returns the server's id. */
export function requireGuildModerator(
  interaction: Pick<Interaction, "guildId"> & MemberLike,
  moderation: Moderation,
): string {
  const guildId = requireGuild(interaction);
  requireModerator(interaction, moderation.moderatorRoleIds);
  return guildId;
}

export function noSuchEntry(id: string): UserError {
  return new UserError(
    "qa-not-found",
    `There is no entry "${id}" in this server: pick one of the suggestions, or run /qa list.`,
  );
}
