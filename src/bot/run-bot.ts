import type { BotContext } from "./bot-context.ts";
import { installProcessHandlers } from "./process-handlers.ts";
import { type RunningBot, startBot } from "./start-bot.ts";

/**
 * `npm start` with a token: logs in, answers until SIGINT or SIGTERM, then shuts down cleanly; a task
 * that fails where nothing catches it is logged rather than ending the process.
 * src/main.ts imports this lazily, so the offline console never loads discord.js.
 */
export async function runBot(ctx: BotContext): Promise<RunningBot> {
  const bot = await startBot(ctx);
  const secrets = ctx.config.discordToken === undefined ? [] : [ctx.config.discordToken];
  installProcessHandlers(bot, { ...ctx, secrets });
  return bot;
}
