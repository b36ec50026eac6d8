import { ComponentType, type ModalData } from "discord.js";
import type { FormValues } from "../entry-form.ts";

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
