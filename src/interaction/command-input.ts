import {
  ApplicationCommandOptionType,
  type CommandInteractionOptionResolver,
  type SlashCommandBooleanOption,
  type SlashCommandStringOption,
} from "discord.js";
import { z } from "zod";
import { UserError } from "../user-error.ts";

/**
 * Reading options defensively. Discord enforces the types and lengths we register, but a modified
 * client or a stale registration (a deploy from another version of the bot) can send anything, so
 * every option is checked again here with a sentence that says what to change.
 */

export const UNKNOWN_COMMAND = "I don't know that command — run /help.";
export const STALE_COMMAND =
  "This command is registered differently from what the bot expects: ask an admin to run deploy-commands again.";

/** What reading options needs; slash commands and autocomplete both have it. */
export interface HasOptions {
  options: Pick<CommandInteractionOptionResolver, "get" | "getSubcommand">;
}

/**
 * The option being typed into, for autocomplete, with what is typed so far as text (Discord sends it
 * as text whatever the option's type); undefined when a client marked none.
 */
export function readFocused(interaction: {
  options: Pick<CommandInteractionOptionResolver, "data" | "getSubcommand">;
}): { name: string; value: string } | undefined {
  const top = interaction.options.data;
  const sub = interaction.options.getSubcommand(false);
  const options = sub === null ? top : (top.find((option) => option.name === sub)?.options ?? []);
  const focused = options.find((option) => option.focused === true);
  return focused === undefined ? undefined : { name: focused.name, value: String(focused.value ?? "") };
}

/** An option as the bot registers it, by kind; anything else was registered by another version. */
const OPTION_SCHEMAS = {
  string: z.object({ type: z.literal(ApplicationCommandOptionType.String), value: z.string() }),
  integer: z.object({
    type: z.literal(ApplicationCommandOptionType.Integer),
    value: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  }),
  boolean: z.object({ type: z.literal(ApplicationCommandOptionType.Boolean), value: z.boolean() }),
};
type OptionKind = keyof typeof OPTION_SCHEMAS;
type OptionValue<Kind extends OptionKind> = z.infer<(typeof OPTION_SCHEMAS)[Kind]>["value"];

function readOption<Kind extends OptionKind>(
  interaction: HasOptions,
  name: string,
  kind: Kind,
): OptionValue<Kind> | undefined {
  const option = interaction.options.get(name);
  if (option === null) return undefined;
  const parsed = OPTION_SCHEMAS[kind].safeParse(option);
  if (!parsed.success) throw new UserError("stale-command", STALE_COMMAND);
  return parsed.data.value;
}

export const readString = (interaction: HasOptions, name: string) => readOption(interaction, name, "string");
export const readInteger = (interaction: HasOptions, name: string) =>
  readOption(interaction, name, "integer");
export const readBoolean = (interaction: HasOptions, name: string) =>
  readOption(interaction, name, "boolean");

/** The sub-command, one of `names`: a registration without sub-commands, or with others, is stale. */
export function readSubcommand<const Name extends string>(
  interaction: HasOptions,
  names: readonly Name[],
): Name {
  const name = interaction.options.getSubcommand(false);
  if (name === null) throw new UserError("stale-command", STALE_COMMAND);
  const known = names.find((candidate) => candidate === name);
  if (known === undefined) throw new UserError("unknown-command", UNKNOWN_COMMAND);
  return known;
}

export { MAX_LENGTH } from "../answer-commands.ts";

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
export function readOptionalText(interaction: HasOptions, option: TextOption): string | undefined {
  const raw = readString(interaction, option.name);
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text.length === 0) return undefined;
  return checkLength(text, option);
}

/** The optional texts the member filled in, by option name; blank and absent ones are left out. */
export function readOptionalTexts<const Name extends string>(
  interaction: HasOptions,
  options: ReadonlyArray<TextOption & { name: Name }>,
): Partial<Record<Name, string>> {
  const texts: Partial<Record<Name, string>> = {};
  for (const option of options) {
    const text = readOptionalText(interaction, option);
    if (text !== undefined) texts[option.name] = text;
  }
  return texts;
}

export function readRequiredText(interaction: HasOptions, option: TextOption): string {
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
export function readPrivate(interaction: HasOptions): boolean {
  return readBoolean(interaction, "private") ?? false;
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
