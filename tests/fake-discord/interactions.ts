import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteractionData,
  type APIMessageComponentInteractionData,
  type APIModalSubmission,
  type APIModalSubmissionComponent,
  type APIUser,
  type APIUserApplicationCommandInteractionData,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type Locale,
  ApplicationCommandOptionType as OptionType,
} from "discord.js";
import type { FakeMessage } from "./messages.ts";

/**
 * Pure builders for the interactions a test injects. They say what the user did; `injectInteraction`
 * adds everything Discord adds (ids, token, guild, channel, member, permissions).
 */

export interface SeedContext {
  /** Who acts; defaults to the world's tester. */
  user?: APIUser;
  /** The member's permissions in the channel; defaults to an ordinary member's. */
  permissions?: bigint;
  /** The guild it happens in (its one channel); defaults to the world's first. */
  guildId?: string;
  locale?: Locale;
}

type WithOptionalId<T> = T extends unknown ? Omit<T, "id"> & { id?: string } : never;
type CommandData = WithOptionalId<
  APIChatInputApplicationCommandInteractionData | APIUserApplicationCommandInteractionData
>;

export type InteractionSeed = SeedContext &
  (
    | {
        type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete;
        data: CommandData;
      }
    | {
        type: InteractionType.MessageComponent;
        data: APIMessageComponentInteractionData;
        message?: FakeMessage;
      }
    | { type: InteractionType.ModalSubmit; data: APIModalSubmission; message?: FakeMessage }
  );

/**
 * Option values by name. Strings become STRING options, booleans BOOLEAN, whole numbers INTEGER and
 * other numbers NUMBER; pass Discord's raw option array when a NUMBER option holds a whole number.
 */
export type SlashOptions =
  | Record<string, string | number | boolean>
  | APIApplicationCommandInteractionDataBasicOption[];

export interface CommandContext extends SeedContext {
  subcommand?: string;
  group?: string;
}

export function slashCommand(
  name: string,
  options: SlashOptions = {},
  context: CommandContext = {},
): InteractionSeed {
  return commandSeed(InteractionType.ApplicationCommand, name, toOptions(options), context);
}

/** An autocomplete request while the user types into `focused`. */
export function autocomplete(
  name: string,
  options: Record<string, string | number>,
  focused: string,
  context: CommandContext = {},
): InteractionSeed {
  if (!(focused in options))
    throw new Error(`autocomplete: focused option "${focused}" is not among the options`);
  const withFocus = toOptions(options).map((option) =>
    option.name === focused && "value" in option ? { ...option, focused: true } : option,
  );
  return commandSeed(InteractionType.ApplicationCommandAutocomplete, name, withFocus, context);
}

export function button(
  customId: string,
  context: SeedContext & { message?: FakeMessage } = {},
): InteractionSeed {
  return {
    ...context,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** A choice in a string select menu: the /demand picker, the sources of an event, or one from elsewhere. */
export function stringSelect(
  customId: string,
  values: string[],
  context: SeedContext & { message?: FakeMessage } = {},
): InteractionSeed {
  return {
    ...context,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  };
}

/** "Apps › name" on a member's profile: a user context-menu command. */
export function userContextMenu(name: string, target: APIUser, context: SeedContext = {}): InteractionSeed {
  return {
    ...context,
    type: InteractionType.ApplicationCommand,
    data: {
      name,
      type: ApplicationCommandType.User,
      target_id: target.id,
      resolved: { users: { [target.id]: target } },
    },
  };
}

/**
 * A submitted modal. Discord now wraps each input in a label component (type 18); older modals used
 * action rows. discord.js 14.28 reads both, so a test can check the bot handles either.
 */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  context: SeedContext & { layout?: "label" | "actionRow"; message?: FakeMessage } = {},
): InteractionSeed {
  const { layout = "label", ...rest } = context;
  const components = Object.entries(fields).map(([fieldId, value], index): APIModalSubmissionComponent => {
    const input = { type: ComponentType.TextInput as const, id: index * 2 + 2, custom_id: fieldId, value };
    return layout === "label"
      ? { type: ComponentType.Label, id: index * 2 + 1, component: input }
      : { type: ComponentType.ActionRow, id: index * 2 + 1, components: [input] };
  });
  return { ...rest, type: InteractionType.ModalSubmit, data: { custom_id: customId, components } };
}

function commandSeed(
  type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete,
  name: string,
  options: APIApplicationCommandInteractionDataBasicOption[],
  { subcommand, group, ...context }: CommandContext,
): InteractionSeed {
  let nested: APIApplicationCommandInteractionDataOption[] = options;
  if (subcommand !== undefined) nested = [{ type: OptionType.Subcommand, name: subcommand, options }];
  if (group !== undefined) {
    if (subcommand === undefined) throw new Error(`slashCommand: group "${group}" needs a subcommand`);
    nested = [
      {
        type: OptionType.SubcommandGroup,
        name: group,
        options: [{ type: OptionType.Subcommand, name: subcommand, options }],
      },
    ];
  }
  return { ...context, type, data: { name, type: ApplicationCommandType.ChatInput, options: nested } };
}

function toOptions(options: SlashOptions): APIApplicationCommandInteractionDataBasicOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    if (typeof value === "string") return { type: OptionType.String, name, value };
    if (typeof value === "boolean") return { type: OptionType.Boolean, name, value };
    return Number.isInteger(value)
      ? { type: OptionType.Integer, name, value }
      : { type: OptionType.Number, name, value };
  });
}
