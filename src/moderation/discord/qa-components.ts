import type { ButtonInteraction, ModalSubmitInteraction } from "discord.js";
import { sendNotice } from "../../interaction/reply.ts";
import type { Moderation } from "../moderation.ts";
import { reopenDraft } from "./entry-forms.ts";
import { requireModeration } from "./interaction-guard.ts";
import { decodeQaCustomId, isQaCustomId } from "./qa-custom-ids.ts";
import { turnHistoryPage, turnListPage } from "./read-entries.ts";
import { submitEntryForm } from "./submit-entry-form.ts";
import { recordVote } from "./votes.ts";

export { isQaCustomId };

export const STALE_QA_COMPONENT = "This no longer works — run the command again.";

/**
 * Every /qa form and button, and the 👍/👎 under answers, by custom id. The router sends here whatever
 * `isQaCustomId` claims; an id we cannot decode (forged, or from an older version) gets a sentence.
 */
export async function handleQaComponent(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  maybeModeration: Moderation | undefined,
): Promise<void> {
  const target = decodeQaCustomId(interaction.customId);
  if (target === undefined) return sendNotice(interaction, STALE_QA_COMPONENT);
  const moderation = requireModeration(maybeModeration);

  if (interaction.isModalSubmit()) {
    if (target.kind === "form-add") return submitEntryForm(interaction, moderation, { kind: "add" });
    if (target.kind === "form-edit") {
      return submitEntryForm(interaction, moderation, {
        kind: "edit",
        id: target.id,
        version: target.version,
      });
    }
    return sendNotice(interaction, STALE_QA_COMPONENT);
  }
  switch (target.kind) {
    case "draft":
      return reopenDraft(interaction, moderation, target.key);
    case "list":
      return turnListPage(interaction, moderation, target.page, target.includeRemoved);
    case "history":
      return turnHistoryPage(interaction, moderation, target.id, target.page);
    case "vote":
      return recordVote(interaction, moderation, target.vote, target.key);
    default:
      return sendNotice(interaction, STALE_QA_COMPONENT);
  }
}
