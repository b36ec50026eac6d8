import type { ModalSubmitInteraction } from "discord.js";
import { ComponentType, type ModalData } from "discord.js";
import { sendReply } from "../../interaction/reply.ts";
import { EntryValidationError, type QaContent } from "../../store/index.ts";
import { addEntry, EditConflictError, editEntry } from "../entry-actions.ts";
import type { FormValues } from "../entry-form.ts";
import { readEntryForm } from "../entry-form.ts";
import type { FormMode, Moderation } from "../moderation.ts";
import { requireGuildModerator } from "./interaction-guard.ts";
import { entryMessage } from "./qa-entry-embed.ts";
import { formProblemsMessage } from "./qa-problems.ts";

const EPHEMERAL = { ephemeral: true } as const;

/**
 * A submitted add/edit form. The member is checked again (a form can be replayed), the text is read
 * and validated, and only then written. A refusal keeps the text for "Fix and resubmit".
 */
export async function submitEntryForm(
  interaction: ModalSubmitInteraction,
  moderation: Moderation,
  mode: FormMode,
): Promise<void> {
  const guildId = requireGuildModerator(interaction, moderation);
  const values = formValuesFrom(interaction.fields.fields);
  const actor = interaction.user.id;
  const refuse = async (problems: readonly string[], draftMode: FormMode = mode) => {
    const key = await moderation.drafts.remember({ userId: actor, guildId, mode: draftMode, values });
    return sendReply(interaction, formProblemsMessage(problems, key), EPHEMERAL);
  };

  const reading = readEntryForm(values, moderation.corpus);
  if (!reading.ok) return refuse(reading.problems);
  try {
    await save(interaction, moderation, guildId, mode, reading.content, actor);
  } catch (error) {
    if (error instanceof EditConflictError) {
      // Reopening offers the moderator's text on top of the current version: saving then is deliberate.
      return refuse([error.message], { kind: "edit", id: error.current.id, version: error.current.version });
    }
    if (error instanceof EntryValidationError) return refuse(error.problems);
    throw error;
  }
}

async function save(
  interaction: ModalSubmitInteraction,
  moderation: Moderation,
  guildId: string,
  mode: FormMode,
  content: QaContent,
  actor: string,
): Promise<void> {
  if (mode.kind === "add") {
    const entry = await addEntry(moderation, guildId, content, actor);
    const text = `Added \`${entry.id}\`: /ask answers it in this server from now on.`;
    return sendReply(interaction, entryMessage(entry, text), EPHEMERAL);
  }
  const { entry, changed } = await editEntry(moderation, guildId, mode.id, content, actor, mode.version);
  const text = changed
    ? `Saved version ${entry.version} of \`${entry.id}\`: /ask uses it from now on.`
    : `Nothing changed: the text is the same as version ${entry.version} of \`${entry.id}\`.`;
  return sendReply(interaction, entryMessage(entry, text), EPHEMERAL);
}

/**
 * The form's text as submitted: `interaction.fields.fields`, which discord.js fills from either modal
 * layout (label components, or the older action rows). A missing input reads as empty: Discord
 * enforces the required ones, and a forged submission without them is refused like any empty field.
 */
export function formValuesFrom(fields: ReadonlyMap<string, ModalData>): FormValues {
  const text = (customId: string): string => {
    const field = fields.get(customId);
    return field?.type === ComponentType.TextInput ? field.value : "";
  };
  return {
    question: text("question"),
    answer: text("answer"),
    alternatives: text("alternatives"),
    citations: text("citations"),
  };
}
