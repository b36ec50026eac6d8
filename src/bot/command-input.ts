import type {
  ChatInputCommandInteraction,
  SlashCommandBooleanOption,
  SlashCommandStringOption,
} from "discord.js";
import { UserError } from "../errors.ts";

/**
 * Reading options defensively. Discord enforces the lengths we register, but a modified client or a
 * stale registration can send anything, so every text is checked again here with a sentence that says
 * what to change.
 */

export const MAX_LENGTH = {
  question: 300,
  name: 100,
  date: 20,
} as const;

/**
 * A text option, declared once for both registering (`textOption`) and reading (`readOptionalText`…),
 * so the two never disagree on its name or maximum length.
 */
export interface TextOption {
  /** The option's name as registered. */
  name: string;
  /** How the sentence calls it: "question", "topic". */
  label: string;
  max: number;
  description: string;
  required?: boolean;
  /** Suggestions as the member types. */
  autocomplete?: boolean;
}

/** An optional text: undefined when absent or blank. */
export function readOptionalText(
  interaction: ChatInputCommandInteraction,
  option: TextOption,
): string | undefined {
  const raw = interaction.options.getString(option.name);
  if (raw === null) return undefined;
  const text = raw.trim();
  if (text.length === 0) return undefined;
  return checkLength(text, option);
}

/** The optional texts the member filled in, by option name; blank and absent ones are left out. */
export function readOptionalTexts<const Name extends string>(
  interaction: ChatInputCommandInteraction,
  options: ReadonlyArray<TextOption & { name: Name }>,
): Partial<Record<Name, string>> {
  const texts: Partial<Record<Name, string>> = {};
  for (const option of options) {
    const text = readOptionalText(interaction, option);
    if (text !== undefined) texts[option.name] = text;
  }
  return texts;
}

export function readRequiredText(interaction: ChatInputCommandInteraction, option: TextOption): string {
  const text = readOptionalText(interaction, option);
  if (text === undefined)
    throw new UserError("empty-input", `The ${option.label} is empty: type a few words.`);
  return text;
}

function checkLength(text: string, option: TextOption): string {
  if (text.length <= option.max) return text;
  throw new UserError(
    "input-too-long",
    `The ${option.label} is ${text.length.toLocaleString("en-US")} characters long: keep it under ${option.max}.`,
  );
}

/** `private: true` makes the answer visible only to whoever asked. */
export function readPrivate(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean("private") ?? false;
}

/** The same `private` option on every answer command. */
export const privateOption = (option: SlashCommandBooleanOption) =>
  option.setName("private").setDescription("Show the answer only to you");

/** Registers a text option with its maximum length. */
export const textOption = (spec: TextOption) => (option: SlashCommandStringOption) =>
  option
    .setName(spec.name)
    .setDescription(spec.description)
    .setMaxLength(spec.max)
    .setRequired(spec.required ?? false)
    .setAutocomplete(spec.autocomplete ?? false);
