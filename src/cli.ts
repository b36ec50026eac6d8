import { runKnowledgeCheck } from "./cli/knowledge-check.ts";
import { type CliIo, processIo } from "./cli/io.ts";

const DEFAULT_KNOWLEDGE_DIR = new URL("../knowledge/", import.meta.url).pathname;

const USAGE = `Usage: dossier <command> [options]

Commands:
  knowledge:check [dir]   validate knowledge files and verify every citation`;

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "knowledge:check":
      return runKnowledgeCheck(io, rest[0] ?? DEFAULT_KNOWLEDGE_DIR);
    case undefined:
    case "help":
    case "--help":
      io.out(USAGE);
      return 0;
    default:
      io.err(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
