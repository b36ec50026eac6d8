import { config as loadDotenv } from "dotenv";
import { type BotStarter, startDossier } from "./cli/start-dossier.ts";

// `npm start`. Wiring the bot is this one line: set `startBot` to a function that starts it
// (src/bot/start-bot.ts) and installs its shutdown handlers (src/bot/shutdown.ts), imported lazily
// with `await import(...)` so that the console never loads discord.js.
const startBot: BotStarter | undefined = undefined;

loadDotenv({ quiet: true });
process.exitCode = await startDossier({ startBot });
