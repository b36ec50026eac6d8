import { startBotWithStore, startDossier } from "./cli/start-dossier.ts";
import { loadEnvFile } from "./config.ts";
import { endQuietlyWhenOutputCloses } from "./render/terminal/terminal.ts";

// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the offline console.
loadEnvFile();
endQuietlyWhenOutputCloses();
process.exitCode = await startDossier({ startBot: startBotWithStore });
