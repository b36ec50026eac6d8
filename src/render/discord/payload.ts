import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIStringSelectComponent,
} from "discord.js";

/**
 * A message as the renderers build it: plain Discord API data, so rendering needs no client and tests
 * can check it against Discord's limits directly. Commands add flags and `allowedMentions` when sending.
 */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
}

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;
/** A row of buttons, or a select menu alone (Discord allows nothing beside a select). */
export type ComponentRow = ButtonRow | APIActionRowComponent<APIStringSelectComponent>;

/**
 * Embed colours: answers the articles cover, curators' and moderators' summaries among them, closest
 * matches only, and everything else.
 */
export const COLORS = {
  confident: 0x3b6ea5,
  curated: 0xc28f2c,
  notConfident: 0x8a8f98,
  neutral: 0x4f545c,
} as const;

export function textMessage(content: string): MessagePayload {
  return { content, embeds: [], components: [] };
}
