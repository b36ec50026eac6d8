import type { Context } from "../context.ts";
import type { Moderation } from "../moderation/moderation.ts";

/**
 * What the bot needs from the application context. With a data folder, `moderation` brings /qa and
 * the feedback buttons, and `store` is what shutdown closes (usually `moderation.store`).
 */
export type BotContext = Pick<Context, "config" | "dossier" | "logger"> & {
  moderation?: Moderation;
  store?: { close(): void | Promise<void> };
};
