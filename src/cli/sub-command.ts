import type { Config } from "../config.ts";
import type { Context } from "../context.ts";
import type { CliIo } from "./io.ts";

/** What every sub-command receives: its output, and the context built lazily on first use. */
export interface CliEnvironment {
  io: CliIo;
  /** The configuration alone, for tools that need no knowledge (deploy-commands, invite). */
  config(): Config;
  /** Loads configuration, knowledge and the index the first time it is called; then the same object. */
  context(): Context;
  /** Where `knowledge:check` looks when no folder is given. */
  knowledgeDir: string;
  /** The console reads its lines from here. */
  stdin: NodeJS.ReadableStream;
}

/** One `dossier <name>` sub-command. Add new ones to the list in sub-commands.ts. */
export interface SubCommand {
  name: string;
  /** Arguments after the name, for the help text: "<question…> [--article id] [--json]". */
  usage: string;
  summary: string;
  run(args: string[], cli: CliEnvironment): number | Promise<number>;
}
