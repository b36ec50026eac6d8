import type { Logger } from "pino";
import type { Context, StartedParts } from "../bot/context.ts";
import type { Config, ConfigVariable } from "../config.ts";
import type { CliIo } from "../render/terminal/terminal.ts";

/** What every sub-command receives: its output, and the context built lazily on first use. */
export interface CliEnvironment {
  io: CliIo;
  /** The configuration, checked for the variables the sub-command `needs` and no others. */
  config(): Config;
  /** Loads configuration, knowledge and the index the first time it is called; then the same object. */
  context(): Pick<Context, StartedParts>;
  /** Logs to stderr at LOG_LEVEL: the details behind a one-sentence error go to its debug level. */
  logger(): Logger;
  /** Where `knowledge:check` looks when no folder is given. */
  knowledgeDir: string;
  /** The console reads its lines from here. */
  stdin: NodeJS.ReadableStream;
  /** The environment variables (for tools that check the configuration themselves, like doctor). */
  env: NodeJS.ProcessEnv;
}

/** One `dossier <name>` sub-command. Add new ones to the list in sub-commands.ts. */
export interface SubCommand {
  name: string;
  /** Arguments after the name, for the help text: "<question…> [--article id] [--json]". */
  usage: string;
  summary: string;
  /**
   * The configuration variables it uses, the only ones checked when it runs, so that a problem
   * elsewhere (a malformed token) does not stop a tool that never reads it. Default: LOG_LEVEL alone.
   */
  needs?: readonly ConfigVariable[];
  run(args: string[], cli: CliEnvironment): number | Promise<number>;
}
