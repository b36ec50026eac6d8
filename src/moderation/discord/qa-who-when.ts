import { escapeText } from "../../render/discord/escape.ts";

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
