import { OAuth2Scopes, PermissionFlagsBits } from "discord.js";

/**
 * The permissions the invite asks for. Replies to slash commands travel over the interaction's own
 * webhook and need no channel permission at all; View Channel, Send Messages, Embed Links and Attach
 * Files are asked for only so the answers' embeds and the timeline picture show wherever a server
 * restricts the bot's role by channel.
 * No Read Message History: Dossier never reads messages. Nothing that could moderate or mention.
 */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;
/** The same permissions as Discord's authorisation page names them. */
export const INVITE_PERMISSION_NAMES = [
  "View Channels",
  "Send Messages",
  "Embed Links",
  "Attach Files",
] as const;

/** `bot` puts Dossier in the server; `applications.commands` lets it register slash commands there. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function inviteUrl(clientId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("scope", INVITE_SCOPES.join(" "));
  url.searchParams.set("permissions", INVITE_PERMISSIONS.toString());
  return url.toString();
}
