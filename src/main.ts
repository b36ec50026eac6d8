import { startBotWithStore, startDossier } from "./cli/start-dossier.ts";
import { loadEnvFile } from "./config.ts";

// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the offline console.
loadEnvFile();
process.exitCode = await startDossier({ startBot: startBotWithStore });
