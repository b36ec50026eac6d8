import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";
import type { AnswerCommandSpec, OptionValues } from "../answer-commands.ts";
import {
  privateOption,
  readOptionalText,
  readRequiredText,
  textOption,
} from "../interaction/command-input.ts";
import { respondWithSuggestions } from "../interaction/suggestions.ts";
import type { Context } from "./context.ts";

/**
 * The parts of the context a command may use: the core, the pages for "More", the list for /help,
 * /qa's moderation, the quizzes and members' last questions. Commands take `Pick<Context, CommandParts>`.
 */
export type CommandParts = "dossier" | "pages" | "commands" | "moderation" | "quizzes" | "lastQuestions";

/** The discord.js guide's shape: `data` to register, `execute` to answer, `autocomplete` to suggest. */
export interface SlashCommand {
  data: {
    readonly name: string;
    readonly description: string;
    toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
  };
  /** Answer commands share one per-member cooldown; /help and /source list fixed things and skip it. */
  cooldown: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: Pick<Context, CommandParts>): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: Pick<Context, CommandParts>): Promise<void>;
}

/** An answer command's options as Discord sees them: those that write files are the terminal's. */
export function discordOptions(spec: AnswerCommandSpec): AnswerCommandSpec["options"] {
  return spec.options.filter((option) => option.terminalOnly !== true);
}

/**
 * The registration of an answer command, generated from its spec: its text options with their
 * limits and autocomplete, then the `private` switch every answer command has.
 */
export function slashCommandData(spec: AnswerCommandSpec): SlashCommandBuilder {
  const builder = new SlashCommandBuilder().setName(spec.name).setDescription(spec.description);
  for (const option of discordOptions(spec))
    builder.addStringOption(textOption({ ...option, autocomplete: option.suggest !== undefined }));
  builder.addBooleanOption(privateOption);
  return builder;
}

/** The options a member gave, read and checked against the spec's limits; a missing required one is refused. */
export function readAnswerOptions(
  interaction: ChatInputCommandInteraction,
  spec: AnswerCommandSpec,
): OptionValues {
  // Keyed by the spec's option names, never by outside text.
  return Object.fromEntries(
    discordOptions(spec).flatMap((option) => {
      const text =
        option.required === true
          ? readRequiredText(interaction, option)
          : readOptionalText(interaction, option);
      return text === undefined ? [] : [[option.name, text] as const];
    }),
  );
}

/** Autocomplete from the dossier's suggestions, for the options whose spec names a source. */
export function suggestFromSpec(spec: AnswerCommandSpec) {
  // Keyed by the spec's option names, never by outside text.
  const fieldByOption = Object.fromEntries(
    discordOptions(spec).flatMap((option) =>
      option.suggest === undefined ? [] : [[option.name, option.suggest] as const],
    ),
  );
  return (interaction: AutocompleteInteraction, ctx: Pick<Context, "dossier">) =>
    respondWithSuggestions(interaction, ctx.dossier, fieldByOption);
}
