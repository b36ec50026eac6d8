import type { BotStarter } from "./start-dossier.ts";

/**
 * `npm start` with a token: the bot service (store, DATA_DIR lock, /healthz and /metrics when
 * METRICS_PORT is set, a login that waits out a missing network), stopped cleanly on SIGINT or
 * SIGTERM. The bot's modules are imported lazily, so the offline console never loads discord.js.
 */
export const startBotWithStore: BotStarter = async (context) => {
  const { startBotService } = await import("../ops/bot-service.ts");
  const { installShutdown } = await import("../bot/shutdown.ts");
  const service = await startBotService(context);
  installShutdown(service, { logger: context.logger });
};
