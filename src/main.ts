import { config as loadDotenv } from "dotenv";
import { startBotWithStore } from "./cli/start-bot-with-store.ts";
import { startDossier } from "./cli/start-dossier.ts";

// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the offline console.
loadDotenv({ quiet: true });
process.exitCode = await startDossier({ startBot: startBotWithStore });
