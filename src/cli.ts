import { config as loadDotenv } from "dotenv";
import { runCli } from "./cli/run-cli.ts";

// The entry point: the only place (with src/main.ts) that reads .env and sets the exit code.
loadDotenv({ quiet: true });
process.exitCode = await runCli(process.argv.slice(2));
