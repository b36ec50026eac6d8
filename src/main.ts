import { config as loadDotenv } from "dotenv";
import { type BotStarter, startDossier } from "./cli/start-dossier.ts";

// `npm start`. The bot's modules are imported lazily, so the offline console never loads discord.js.
// The store in DATA_DIR is opened first and its moderator entries loaded, so /ask answers with them
// from the first interaction; shutdown closes it.
const startBot: BotStarter = async (context) => {
  const { runBot } = await import("./bot/run-bot.ts");
  const { openModeration } = await import("./moderation/open-moderation.ts");
  const moderation = await openModeration(context);
  await runBot({ ...context, moderation, store: moderation.store });
};

loadDotenv({ quiet: true });
process.exitCode = await startDossier({ startBot });
