import type { BotContext } from "./bot-context.ts";
import { installShutdown } from "./shutdown.ts";
import { type RunningBot, startBot } from "./start-bot.ts";

/**
 * `npm start` with a token: logs in, answers until SIGINT or SIGTERM, then shuts down cleanly.
 * src/main.ts imports this lazily, so the offline console never loads discord.js.
 */
export async function runBot(ctx: BotContext): Promise<RunningBot> {
  const bot = await startBot(ctx);
  installShutdown(bot, ctx);
  return bot;
}
