import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import { sendNotice } from "../../interaction/reply.ts";
import { UserError } from "../../user-error.ts";
import { type FormValues, formValuesOf } from "../entry-form.ts";
import type { FormMode, Moderation } from "../moderation.ts";
import { requireModerator } from "../permissions.ts";
import { noSuchEntry, requireGuildModerator } from "./interaction-guard.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";
import { entryModal, prefillProblem } from "./qa-entry-modal.ts";

/** Opening the add/edit form. Nothing is written until it is submitted (see submit-entry-form.ts). */

function modalFor(mode: FormMode, values?: FormValues) {
  if (mode.kind === "add") return entryModal(encodeQaCustomId({ kind: "form-add" }), "New Q&A entry", values);
  const customId = encodeQaCustomId({ kind: "form-edit", id: mode.id, version: mode.version });
  return entryModal(customId, `Edit ${mode.id}`, values);
}

/** /qa add: an empty form. The permission is checked before the form opens and again on submit. */
export async function openAddForm(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
): Promise<void> {
  requireGuildModerator(interaction, moderation);
  await interaction.showModal(modalFor({ kind: "add" }));
}

/** /qa edit id: the form prefilled with the entry, tied to the version shown so a concurrent edit is caught. */
export async function openEditForm(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
  id: string,
): Promise<void> {
  const guildId = requireGuildModerator(interaction, moderation);
  const entry = await moderation.store.get(guildId, id);
  if (entry === undefined) throw noSuchEntry(id);
  if (entry.status === "removed") {
    throw new UserError(
      "qa-removed",
      `Entry "${id}" is removed: restore it with /qa restore first, then edit it.`,
    );
  }
  const values = formValuesOf(entry);
  const problem = prefillProblem(values);
  if (problem !== undefined) throw new UserError("qa-too-long-for-form", problem);
  await interaction.showModal(modalFor({ kind: "edit", id: entry.id, version: entry.version }, values));
}

export const EXPIRED_DRAFT = "This form has expired: run /qa add or /qa edit again.";

/** "Fix and resubmit": the refused form again, with the moderator's own text. */
export async function reopenDraft(
  interaction: ButtonInteraction,
  moderation: Moderation,
  key: string,
): Promise<void> {
  requireModerator(interaction, moderation.moderatorRoleIds);
  const draft = await moderation.drafts.recall(key);
  if (draft === undefined || draft.userId !== interaction.user.id || draft.guildId !== interaction.guildId) {
    return sendNotice(interaction, EXPIRED_DRAFT);
  }
  await interaction.showModal(modalFor(draft.mode, draft.values));
}
