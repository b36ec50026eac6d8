import { runCli } from "./cli/run-cli.ts";
import { loadEnvFile } from "./config.ts";

// The entry point: the only place (with src/main.ts) that reads .env and sets the exit code.
loadEnvFile();
process.exitCode = await runCli(process.argv.slice(2));
