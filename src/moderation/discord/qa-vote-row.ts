import { ButtonStyle, ComponentType } from "discord.js";
import type { ButtonRow } from "../../render/discord/payload.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";

/** 👍 / 👎 under an /ask answer; `key` names the question and best result in the bot's vote cache. */
export function voteButtonRow(key: string): ButtonRow {
  const button = (vote: "up" | "down", emoji: string, label: string) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    emoji: { name: emoji },
    label,
    custom_id: encodeQaCustomId({ kind: "vote", vote, key }),
  });
  return {
    type: ComponentType.ActionRow,
    components: [button("up", "👍", "Helpful"), button("down", "👎", "Not helpful")],
  };
}
