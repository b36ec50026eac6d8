import { type APIUser, MessageFlags, MessageType } from "discord.js";
import type { MessageData } from "./message-limits.ts";
import type { UploadedFile } from "./request-body.ts";
import type { FakeWorld } from "./world.ts";

/** A message as the fake stores it and returns it; shaped like Discord's so discord.js can build a Message. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
  edited_timestamp: string | null;
  [field: string]: unknown;
}

export interface MessageOrigin {
  world: FakeWorld;
  id: string;
  timestamp: string;
  /** Replies to slash commands are their own message type in Discord. */
  replyToCommand: boolean;
  /** The interaction the message answers: Discord shows (and tells bots) who triggered it. */
  answering?: { id: string; type: number; user: APIUser };
}

export function createBotMessage(
  origin: MessageOrigin,
  data: MessageData,
  files: UploadedFile[],
): FakeMessage {
  const { world } = origin;
  return {
    id: origin.id,
    type: origin.replyToCommand ? MessageType.ChatInputCommand : MessageType.Default,
    channel_id: world.channelId,
    guild_id: world.guildId,
    author: world.botUser,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    content: data.content ?? "",
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    attachments: toAttachments(origin.id, files),
    flags: data.flags ?? 0,
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: origin.timestamp,
    edited_timestamp: null,
    ...(origin.answering === undefined
      ? {}
      : { interaction_metadata: { ...origin.answering, authorizing_integration_owners: {} } }),
  };
}

/** What a deferred reply looks like until it is edited: empty, with the "thinking…" flag. */
export function createLoadingMessage(origin: MessageOrigin, flags: number): FakeMessage {
  return createBotMessage(origin, { flags: flags | MessageFlags.Loading }, []);
}

/** Applies an edit the way Discord does: given fields replace, `null` clears, the loading state ends. */
export function applyEdit(
  message: FakeMessage,
  edit: MessageData,
  files: UploadedFile[],
  timestamp: string,
): FakeMessage {
  const edited: FakeMessage = { ...message, edited_timestamp: timestamp };
  if (edit.content !== undefined) edited.content = edit.content ?? "";
  if (edit.embeds !== undefined) edited.embeds = edit.embeds ?? [];
  if (edit.components !== undefined) edited.components = edit.components ?? [];
  if (edit.attachments !== undefined || files.length > 0) {
    // Discord lists the attachments to keep, the new files among them by their index in the upload.
    const kept = (edit.attachments ?? []).filter((attachment) => !isUploadIndex(attachment, files.length));
    edited.attachments = [...kept, ...toAttachments(message.id, files)];
  }
  const flags = edit.flags ?? message.flags;
  edited.flags = flags & ~MessageFlags.Loading;
  return edited;
}

export function isEmptyStoredMessage(message: FakeMessage): boolean {
  return (
    message.content.length === 0 &&
    message.embeds.length === 0 &&
    message.components.length === 0 &&
    message.attachments.length === 0
  );
}

function isUploadIndex(attachment: unknown, uploads: number): boolean {
  const id =
    typeof attachment === "object" && attachment !== null && "id" in attachment ? attachment.id : undefined;
  return (
    (typeof id === "number" || typeof id === "string") && /^\d+$/.test(String(id)) && Number(id) < uploads
  );
}

function toAttachments(messageId: string, files: UploadedFile[]): unknown[] {
  return files.map((file, index) => ({
    id: `${messageId}${index}`,
    filename: file.filename,
    size: file.size,
    content_type: file.contentType,
    url: `https://cdn.invalid/attachments/${messageId}/${file.filename}`,
    proxy_url: `https://media.invalid/attachments/${messageId}/${file.filename}`,
  }));
}
