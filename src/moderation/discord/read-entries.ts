import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import { readBoolean, readInteger } from "../../interaction/command-input.ts";
import { sendReply, showTurnedPage } from "../../interaction/reply.ts";
import type { MessagePayload } from "../../render/discord/payload.ts";
import type { Moderation } from "../moderation.ts";
import { revisionChanges } from "../revision-changes.ts";
import { noSuchEntry, requireGuild } from "./interaction-guard.ts";
import { entryMessage } from "./qa-entry-embed.ts";
import { historyPage } from "./qa-history-page.ts";
import { entryListPage, LIST_PAGE_SIZE, listPageCount } from "./qa-list-page.ts";

/**
 * /qa show, list and history, and their page buttons. Reading is open to anyone who can run /qa;
 * replies are private, so a moderator's look-up never fills the channel.
 */

const EPHEMERAL = { ephemeral: true } as const;

export async function showEntry(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
  id: string,
) {
  const entry = await moderation.store.get(requireGuild(interaction), id);
  if (entry === undefined) throw noSuchEntry(id);
  await sendReply(interaction, entryMessage(entry), EPHEMERAL);
}

async function listPayload(moderation: Moderation, guildId: string, page: number, includeRemoved: boolean) {
  const first = await moderation.store.list(guildId, { includeRemoved, offset: 0, limit: 1 });
  // A page past the end (typed, or left on a button after removals) shows the last one.
  const current = Math.min(Math.max(0, page), listPageCount(first.total) - 1);
  const entries = await moderation.store.list(guildId, {
    includeRemoved,
    offset: current * LIST_PAGE_SIZE,
    limit: LIST_PAGE_SIZE,
  });
  return entryListPage(entries, current, includeRemoved);
}

/** /qa list [page] [include-removed]; `page` is 1-based as members type it. */
export async function listEntries(interaction: ChatInputCommandInteraction, moderation: Moderation) {
  const page = (readInteger(interaction, "page") ?? 1) - 1;
  const includeRemoved = readBoolean(interaction, "include-removed") ?? false;
  await sendReply(
    interaction,
    await listPayload(moderation, requireGuild(interaction), page, includeRemoved),
    EPHEMERAL,
  );
}

async function historyPayload(
  moderation: Moderation,
  guildId: string,
  id: string,
  page: number,
): Promise<MessagePayload> {
  const revisions = await moderation.store.history(guildId, id);
  if (revisions.length === 0) throw noSuchEntry(id);
  return historyPage(id, revisionChanges(revisions), page);
}

export async function showHistory(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
  id: string,
) {
  await sendReply(interaction, await historyPayload(moderation, requireGuild(interaction), id, 0), EPHEMERAL);
}

/** Page buttons turn the (private) message of the member who ran the command. */
export async function turnListPage(
  interaction: ButtonInteraction,
  moderation: Moderation,
  page: number,
  includeRemoved: boolean,
) {
  await showTurnedPage(
    interaction,
    await listPayload(moderation, requireGuild(interaction), page, includeRemoved),
  );
}

export async function turnHistoryPage(
  interaction: ButtonInteraction,
  moderation: Moderation,
  id: string,
  page: number,
) {
  await showTurnedPage(interaction, await historyPayload(moderation, requireGuild(interaction), id, page));
}
