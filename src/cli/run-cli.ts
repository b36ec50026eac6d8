import { type Config, loadConfig } from "../config.ts";
import { type Context, createContext, DEFAULT_KNOWLEDGE_DIR } from "../context.ts";
import { UserError } from "../errors.ts";
import { KnowledgeError } from "../knowledge/problems.ts";
import { StoreError } from "../store/errors.ts";
import { type CliIo, processIo } from "./io.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";
import { findSubCommand, fullUsage, usageOf } from "./sub-commands.ts";
import { UsageError } from "./usage-error.ts";

export interface CliOptions {
  /** Environment variables for the configuration (default process.env; `.env` is read by the entry). */
  env?: NodeJS.ProcessEnv;
  knowledgeDir?: string;
  stdin?: NodeJS.ReadableStream;
  /** Builds the context instead of loading config and knowledge: tests pass a fixture or a fake. */
  context?: () => Context;
}

const HELP_FLAGS = new Set(["--help", "-h"]);

/**
 * `dossier <sub-command> …`. Returns the exit code: 0 done, 1 a problem the user can fix (its sentence
 * on stderr), 2 the command line itself was wrong (with the usage). No side effects on import.
 */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  options: CliOptions = {},
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || HELP_FLAGS.has(name)) return printHelp(io, args[0]);
  const command = findSubCommand(name);
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n\n${fullUsage()}`);
    return 2;
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(`${usageOf(command)}\n  ${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, environment(io, options));
  } catch (error) {
    return reportFailure(error, command, io);
  }
}

function printHelp(io: CliIo, topic: string | undefined): number {
  const command = topic === undefined ? undefined : findSubCommand(topic);
  io.out(command === undefined ? fullUsage() : `${usageOf(command)}\n  ${command.summary}`);
  return 0;
}

function environment(io: CliIo, options: CliOptions): CliEnvironment {
  const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  let context: Context | undefined;
  let config: Config | undefined;
  return {
    io,
    config() {
      config ??= context?.config ?? loadConfig(options.env ?? process.env);
      return config;
    },
    knowledgeDir,
    stdin: options.stdin ?? process.stdin,
    context() {
      context ??=
        options.context?.() ?? createContext(loadConfig(options.env ?? process.env), { knowledgeDir });
      return context;
    },
  };
}

function reportFailure(error: unknown, command: SubCommand, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n${usageOf(command)}`);
    return 2;
  }
  // A damaged database, a DATA_DIR it cannot write: sentences for whoever runs it, as at `npm start`.
  if (error instanceof UserError || error instanceof KnowledgeError || error instanceof StoreError) {
    io.err(error.message);
    return 1;
  }
  // A bug: the whole story helps whoever reports it.
  io.err(
    `dossier ${command.name} failed unexpectedly.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return 1;
}
