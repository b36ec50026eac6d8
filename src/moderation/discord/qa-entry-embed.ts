import type { APIEmbed, APIEmbedField } from "discord.js";
import { escapeText } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { LIMITS } from "../../render/discord/limits.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import type { GuildQaEntry } from "../../store/index.ts";

/** Citations past this many are counted rather than shown, keeping the embed inside 6,000 characters. */
const CITATION_FIELDS = 6;
const EXCERPT_PREVIEW = 600;

/** One entry as /qa show displays it: everything a moderator needs to judge it, escaped. */
export function entryEmbed(entry: GuildQaEntry): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (entry.status === "removed") {
    fields.push({ name: "Removed", value: escapeText(entry.removalReason ?? "no reason recorded") });
  }
  if (entry.alternatives.length > 0) {
    fields.push({ name: "Other wordings", value: escapeText(entry.alternatives.join(" · ")) });
  }
  for (const citation of entry.citations.slice(0, CITATION_FIELDS)) {
    fields.push({
      name: `${citation.article} ¶${citation.paragraph}`,
      value: `> ${truncateText(escapeText(citation.excerpt.replace(/\s+/g, " ")), EXCERPT_PREVIEW)}`,
    });
  }
  const hidden = entry.citations.length - CITATION_FIELDS;
  if (hidden > 0) fields.push({ name: "More citations", value: `+${hidden} not shown` });
  fields.push({
    name: "Changes",
    value: `Added by ${formatActor(entry.createdBy)} ${formatWhen(entry.createdAt)}; version ${entry.version}, last changed by ${formatActor(entry.updatedBy)} ${formatWhen(entry.updatedAt)}. /qa history ${entry.id} shows every change.`,
  });
  return {
    title: truncateText(escapeText(entry.question), LIMITS.title),
    description: truncateText(escapeText(entry.answer), LIMITS.description),
    color: entry.status === "active" ? COLORS.confident : COLORS.notConfident,
    fields,
    footer: {
      text: `${entry.id} · ${entry.status === "active" ? "answered by /ask" : "removed: not answered"}`,
    },
  };
}

/** The entry as a message, under `text` (what just happened to it) when there is one. */
export function entryMessage(entry: GuildQaEntry, text?: string): MessagePayload {
  return fitMessage({ content: text, embeds: [entryEmbed(entry)], components: [] });
}

const DISCORD_ID = /^\d{17,20}$/;

/**
 * Who made a change: a Discord user shows as a mention (which pings nobody, as every message sets
 * `allowedMentions: { parse: [] }`); a change from the command line shows its actor name as text.
 */
export function formatActor(actor: string): string {
  return DISCORD_ID.test(actor) ? `<@${actor}>` : escapeText(actor);
}

/** When: a Discord timestamp, shown in each reader's own time zone and language. */
export function formatWhen(isoTime: string, style: "f" | "R" = "f"): string {
  const ms = Date.parse(isoTime);
  return Number.isNaN(ms) ? escapeText(isoTime) : `<t:${Math.floor(ms / 1000)}:${style}>`;
}
