import { PermissionFlagsBits } from "discord.js";
import { UserError } from "../user-error.ts";

/**
 * Who may change the server's Q&A entries. Discord hides /qa from members without Manage Messages
 * (the command's default member permissions), but a server admin can grant the command to anyone
 * in Server Settings → Integrations, and a modal or button can be replayed by a modified client, so
 * every change is checked again here against what the interaction itself says about the member.
 */

/** The permission that makes a member a moderator of entries, without any configured role. */
export const MODERATOR_PERMISSION = PermissionFlagsBits.ManageMessages;

/** A GuildMember's role manager (whose cache discord.js fills from the guild's roles) or raw role ids. */
export type MemberRoles = readonly string[] | { cache: { has(roleId: string): boolean } };

/** What an interaction tells us about the member, in the shapes discord.js hands out. */
export interface MemberLike {
  /** The member's permissions in the channel, as Discord computed them; null outside a server. */
  memberPermissions: { has(permission: bigint): boolean } | null;
  member: { roles: MemberRoles } | null;
}

function isRoleIdList(roles: MemberRoles): roles is readonly string[] {
  return Array.isArray(roles);
}

export function hasModeratorRole(member: MemberLike["member"], moderatorRoleIds: readonly string[]): boolean {
  if (member === null || moderatorRoleIds.length === 0) return false;
  const { roles } = member;
  return moderatorRoleIds.some((roleId) =>
    isRoleIdList(roles) ? roles.includes(roleId) : roles.cache.has(roleId),
  );
}

/** Manage Messages (Administrator implies it) or one of MODERATOR_ROLE_IDS. */
export function canModerate(interaction: MemberLike, moderatorRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(MODERATOR_PERMISSION) === true) return true;
  return hasModeratorRole(interaction.member, moderatorRoleIds);
}

export const NOT_A_MODERATOR =
  "Only moderators can change this server's Q&A entries: you need the Manage Messages permission or a moderator role. Nothing was changed.";

/** Throws the refusal the member sees (ephemeral, through the router's UserError path). */
export function requireModerator(interaction: MemberLike, moderatorRoleIds: readonly string[]): void {
  if (!canModerate(interaction, moderatorRoleIds)) throw new UserError("qa-not-moderator", NOT_A_MODERATOR);
}
