import { runCli } from "./cli/run-cli.ts";
import { loadEnvFile } from "./config.ts";
import { endQuietlyWhenOutputCloses } from "./render/terminal/terminal.ts";

// The entry point: the only place (with src/main.ts) that reads .env and sets the exit code.
loadEnvFile();
endQuietlyWhenOutputCloses();
process.exitCode = await runCli(process.argv.slice(2));
