import type { Context } from "../context.ts";
import type { Moderation } from "../moderation/moderation.ts";
import type { SlashCommand } from "./command.ts";

/**
 * What the bot needs from the application context (the corpus for quiz questions). With a data
 * folder, `moderation` brings /qa, the feedback buttons and quiz scores, and `store` is what shutdown
 * closes (usually `moderation.store`).
 */
export type BotContext = Pick<Context, "config" | "corpus" | "dossier" | "logger"> & {
  moderation?: Moderation;
  store?: { close(): void | Promise<void> };
  /** The commands to answer (commands/index.ts), given by whoever starts the bot. */
  commands: readonly SlashCommand[];
};
