import { type ButtonInteraction, MessageFlags, type RepliableInteraction } from "discord.js";
import { escapeText } from "../render/discord/escape.ts";
import { fitMessage } from "../render/discord/fit-message.ts";
import { type MessagePayload, textMessage } from "../render/discord/payload.ts";

/**
 * Nobody is ever pinged by the bot: an `@everyone` typed into a question, or a role name in an article,
 * stays text. Set on every reply, edit, follow-up and update, not only as the client default, so a
 * payload copied elsewhere keeps the guarantee.
 */
export const NO_MENTIONS = { parse: [] };

export interface ReplyOptions {
  ephemeral: boolean;
  /** Files to attach (the timeline picture); kept when a later edit turns the page. */
  files?: readonly ReplyFile[];
}

export interface ReplyFile {
  name: string;
  data: Buffer;
  /** Alternative text, for screen readers. */
  description: string;
}

/**
 * Answers an interaction in whatever state it is in: the first reply, the edit of a deferred reply
 * (whose visibility was fixed when it was deferred), or a follow-up once something was already said.
 */
export async function sendReply(
  interaction: RepliableInteraction,
  payload: MessagePayload,
  { ephemeral, files = [] }: ReplyOptions,
): Promise<void> {
  // Only with files: an empty list would be sent as `attachments: []`, which an edit reads as "remove".
  const attached =
    files.length === 0
      ? {}
      : {
          files: files.map((file) => ({
            attachment: file.data,
            name: file.name,
            description: file.description,
          })),
        };
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ ...editOf(payload), ...attached });
    return;
  }
  const message = {
    ...(payload.content === undefined ? {} : { content: payload.content }),
    embeds: payload.embeds,
    components: payload.components,
    ...attached,
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
  if (interaction.replied) await interaction.followUp(message);
  else await interaction.reply(message);
}

/** An edit replaces every part, so a part the new payload leaves out is cleared rather than kept. */
export function editOf(payload: MessagePayload) {
  return {
    content: payload.content ?? "",
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * A page button's new page. Only the member a message answers may turn it in place: turning a public
 * message for everyone would pull the text away from whoever is reading it. Discord records on each
 * message whose interaction it answers, which a client cannot forge the way it can a custom id.
 * Anyone else who presses gets the page as a private copy of their own, whose buttons then turn it.
 */
export async function showTurnedPage(interaction: ButtonInteraction, page: MessagePayload): Promise<void> {
  if (interaction.message.interactionMetadata?.user.id === interaction.user.id) {
    await interaction.update(editOf(page));
  } else {
    await sendReply(interaction, page, { ephemeral: true });
  }
}

/**
 * A sentence only the member sees: errors, cooldowns, expired pages. Escaped, because error messages
 * often repeat what was typed ("No article has the id …") and typed text must show as typed.
 */
export function sendNotice(interaction: RepliableInteraction, text: string): Promise<void> {
  return sendReply(interaction, fitMessage(textMessage(escapeText(text))), { ephemeral: true });
}
