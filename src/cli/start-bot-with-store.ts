import type { BotStarter } from "./start-dossier.ts";

/**
 * `npm start` with a token. The store in DATA_DIR is opened first and its moderator entries loaded,
 * so /ask answers with them from the first interaction; shutdown closes it. The bot's modules are
 * imported lazily, so the offline console never loads discord.js.
 */
export const startBotWithStore: BotStarter = async (context) => {
  const { openModeration } = await import("../moderation/open-moderation.ts");
  const moderation = await openModeration(context);
  const { runBot } = await import("../bot/run-bot.ts");
  await runBot({ ...context, moderation, store: moderation.store });
};
