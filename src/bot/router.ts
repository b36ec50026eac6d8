import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Interaction,
  RepliableInteraction,
} from "discord.js";
import type { Logger } from "pino";
import { UNKNOWN_COMMAND } from "../interaction/command-input.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { sendNotice } from "../interaction/reply.ts";
import { UserError } from "../user-error.ts";
import { answerFailure } from "./answer-failure.ts";
import type { CommandParts, SlashCommand } from "./command.ts";
import { COMPONENT_ROUTES, type ComponentInteraction, type ComponentRoute } from "./component-routes.ts";
import type { Context } from "./context.ts";
import type { MemberCooldowns } from "./cooldowns.ts";
import { STALE_BUTTON } from "./page-turner.ts";

export const UNKNOWN_FORM = "This form no longer works — run the command again.";

export interface RouterOptions {
  /** Buttons and forms by custom id; default every family the bot writes (component-routes.ts). */
  components?: readonly ComponentRoute[];
  /** What commands and buttons are given; its `commands` are the ones answered. */
  context: Pick<Context, CommandParts>;
  cooldowns: MemberCooldowns;
  logger: Logger;
  /** Strings that must never reach a log line (the bot token). */
  secrets: readonly string[];
}

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

/**
 * Every interaction goes through here: slash commands to their command, autocomplete to the command's
 * suggestions, buttons and forms by custom-id prefix, and whatever is thrown to `answerFailure`.
 * Whatever is still unanswered after that gets a sentence, so Discord never shows "The application
 * did not respond". Never rejects.
 */
export function createRouter(options: RouterOptions): InteractionHandler {
  const byName = new Map(options.context.commands.map((command) => [command.data.name, command]));

  return async (interaction) => {
    const logger = options.logger.child(describe(interaction));
    if (interaction.isAutocomplete()) {
      await suggest(interaction, byName.get(interaction.commandName), options, logger);
      return;
    }
    if (!interaction.isRepliable()) return;
    const started = performance.now();
    let failed = false;
    try {
      if (interaction.isChatInputCommand())
        await runCommand(interaction, byName.get(interaction.commandName), options);
      else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit())
        await runComponent(interaction, options);
    } catch (error) {
      // answerFailure answers, or logs that it could not: trying a second time would not reach Discord either.
      failed = true;
      await answerFailure(interaction, error, logger, options.secrets);
    }
    if (!failed && !interaction.replied && !interaction.deferred) {
      await answerLeftover(interaction, logger, options);
    }
    logger.debug({ ms: Math.round(performance.now() - started) }, "interaction answered");
  };
}

/**
 * The bot registers no context menu, so one arriving comes from an older version or a modified
 * client, as does a select menu or button no route claims; a handler that returns without a word is
 * a bug. Either way the member
 * gets the sentence for what they used, privately.
 */
async function answerLeftover(
  interaction: RepliableInteraction,
  logger: Logger,
  { secrets }: RouterOptions,
): Promise<void> {
  const handled =
    interaction.isChatInputCommand() ||
    interaction.isButton() ||
    interaction.isStringSelectMenu() ||
    interaction.isModalSubmit();
  if (handled) logger.error("a handler returned without answering");
  else logger.debug("answered an interaction of a kind the bot does not use");
  const text = interaction.isCommand()
    ? UNKNOWN_COMMAND
    : interaction.isMessageComponent()
      ? STALE_BUTTON
      : UNKNOWN_FORM;
  try {
    await sendNotice(interaction, text);
  } catch (error) {
    logger.warn({ error: toLoggableError(error, [...secrets, interaction.token]) }, "could not answer");
  }
}

async function runCommand(
  interaction: ChatInputCommandInteraction,
  command: SlashCommand | undefined,
  { context, cooldowns }: RouterOptions,
): Promise<void> {
  // Commands registered by an older deploy, or by another copy of the bot, can still arrive.
  if (command === undefined) return sendNotice(interaction, UNKNOWN_COMMAND);
  const userId = interaction.user.id;
  if (command.cooldown) {
    const verdict = await cooldowns.take(userId);
    if (!verdict.allowed) return sendNotice(interaction, `Try again in ${verdict.retryAfterSeconds}s.`);
  }
  try {
    await command.execute(interaction, context);
  } catch (error) {
    if (command.cooldown && error instanceof UserError) await cooldowns.refund(userId);
    throw error;
  }
}

/** A button or form none of our routes claims comes from an older version or a modified client. */
function runComponent(
  interaction: ComponentInteraction,
  { components = COMPONENT_ROUTES, context }: RouterOptions,
): Promise<void> {
  const route = components.find((candidate) => candidate.claims(interaction.customId));
  if (route !== undefined) return route.handle(interaction, context);
  return sendNotice(interaction, interaction.isModalSubmit() ? UNKNOWN_FORM : STALE_BUTTON);
}

/** Suggestions are a convenience: a failure is logged and answered with no choices, never an error. */
async function suggest(
  interaction: AutocompleteInteraction,
  command: SlashCommand | undefined,
  { context, secrets }: RouterOptions,
  logger: Logger,
): Promise<void> {
  const hidden = [...secrets, interaction.token];
  try {
    if (command?.autocomplete === undefined) await interaction.respond([]);
    else await command.autocomplete(interaction, context);
  } catch (error) {
    logger.warn({ error: toLoggableError(error, hidden) }, "autocomplete failed");
    if (interaction.responded) return;
    await interaction.respond([]).catch((respondError: unknown) => {
      logger.warn({ error: toLoggableError(respondError, hidden) }, "could not answer autocomplete");
    });
  }
}

/** What identifies an interaction in the logs; never its token. */
function describe(interaction: Interaction): Record<string, string | null> {
  const base = { interactionId: interaction.id, userId: interaction.user.id, guildId: interaction.guildId };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return { ...base, command: interaction.commandName };
  }
  if (interaction.isMessageComponent() || interaction.isModalSubmit())
    return { ...base, customId: interaction.customId };
  return base;
}
