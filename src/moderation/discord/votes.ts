import type { ButtonInteraction } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer } from "../../answer/answer.ts";
import { toLoggableError } from "../../interaction/loggable-error.ts";
import { sendNotice } from "../../interaction/reply.ts";
import type { ButtonRow } from "../../render/discord/payload.ts";
import type { Moderation } from "../moderation.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";

export const VOTE_THANKS = "Thanks — noted.";
export const VOTE_EXPIRED = "This answer is too old to vote on — ask again to rate the new answer.";

/**
 * After /ask answered: logs the question with its confidence (for /qa gaps) and returns the 👍/👎 row
 * for the best result, or nothing when there is no store, no server or no result. Logging a question
 * must never cost the member their answer, so a store failure is logged and the answer goes out.
 */
export async function noteAskedQuestion(
  moderation: Moderation | undefined,
  guildId: string | null,
  question: string,
  answer: Answer,
): Promise<ButtonRow | undefined> {
  if (moderation === undefined || guildId === null) return undefined;
  try {
    await moderation.store.recordQuestion(guildId, question, answer.confident);
  } catch (error) {
    moderation.logger.error({ err: toLoggableError(error), guildId }, "could not record an asked question");
  }
  const best = answer.results[0];
  if (best === undefined) return undefined;
  return voteButtonRow(await moderation.votes.remember({ guildId, question, resultId: best.id }));
}

/**
 * A 👍 or 👎. One vote per member, question and result: voting again replaces the earlier vote (the
 * store keeps the latest), so a member can change their mind but never stack votes.
 */
export async function recordVote(
  interaction: ButtonInteraction,
  moderation: Moderation,
  vote: "up" | "down",
  key: string,
): Promise<void> {
  const target = await moderation.votes.recall(key);
  if (target === undefined || target.guildId !== interaction.guildId)
    return sendNotice(interaction, VOTE_EXPIRED);
  await moderation.store.recordFeedback(
    target.guildId,
    target.resultId,
    target.question,
    vote,
    interaction.user.id,
  );
  await sendNotice(interaction, VOTE_THANKS);
}

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
