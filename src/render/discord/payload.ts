import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";

/**
 * A message as the renderers build it: plain Discord API data, so rendering needs no client and tests
 * can check it against Discord's limits directly. Commands add flags and `allowedMentions` when sending.
 */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** Embed colours: answers the articles cover, closest matches only, and everything else. */
export const COLORS = {
  confident: 0x3b6ea5,
  notConfident: 0x8a8f98,
  neutral: 0x4f545c,
} as const;

export function textMessage(content: string): MessagePayload {
  return { content, embeds: [], components: [] };
}
