import type { BotStarter } from "./start-dossier.ts";

/**
 * `npm start` with a token: the bot service (store, DATA_DIR lock, /healthz and /metrics when
 * METRICS_PORT is set, a login that waits out a missing network), stopped cleanly on SIGINT or
 * SIGTERM; a failure nothing catches is logged (an uncaught exception also stops it, exit 1, for the
 * service manager to restart). The bot's modules are imported lazily, so the offline console never loads discord.js.
 */
export const startBotWithStore: BotStarter = async (context) => {
  const { startBotService } = await import("../ops/bot-service.ts");
  const { installProcessHandlers } = await import("../bot/process-handlers.ts");
  const service = await startBotService(context);
  const { discordToken } = context.config;
  installProcessHandlers(service, {
    logger: context.logger,
    secrets: discordToken === undefined ? [] : [discordToken],
  });
};
