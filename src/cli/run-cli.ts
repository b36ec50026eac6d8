import type { Logger } from "pino";
import type { Context, StartedParts } from "../bot/context.ts";
import { type Config, type ConfigVariable, loadConfig } from "../config.ts";
import { createContext, createLogger, DEFAULT_KNOWLEDGE_DIR } from "../create-context.ts";
import { DOSSIER_VERSION, nodeVersionProblem } from "../installation.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { KnowledgeError } from "../knowledge/problems.ts";
import { type CliIo, processIo } from "../render/terminal/terminal.ts";
import { StoreError } from "../store/store-error.ts";
import { UserError } from "../user-error.ts";
import { UsageError } from "./parse-arguments.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";
import { findSubCommand, fullUsage, usageOf } from "./sub-commands.ts";

export interface CliOptions {
  /** Environment variables for the configuration (default process.env; `.env` is read by the entry). */
  env?: NodeJS.ProcessEnv;
  knowledgeDir?: string;
  stdin?: NodeJS.ReadableStream;
  /** Builds the context instead of loading config and knowledge: tests pass a fixture or a fake. */
  context?: () => Pick<Context, StartedParts>;
  /** Where log lines go; default stderr. */
  logStream?: NodeJS.WritableStream;
}

const HELP_FLAGS = new Set(["--help", "-h"]);
const VERSION_FLAGS = new Set(["--version", "-V", "version"]);
const DEFAULT_NEEDS: readonly ConfigVariable[] = ["LOG_LEVEL"];

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
  if (VERSION_FLAGS.has(name)) {
    io.out(`dossier ${DOSSIER_VERSION} (Node.js ${process.versions.node})`);
    return 0;
  }
  const tooOld = nodeVersionProblem();
  if (tooOld !== undefined && name !== "doctor") {
    io.err(tooOld);
    return 1;
  }
  const command = findSubCommand(name);
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n\n${fullUsage()}`);
    return 2;
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(`${usageOf(command)}\n  ${command.summary}`);
    return 0;
  }
  const cli = environment(io, options, command.needs ?? DEFAULT_NEEDS);
  try {
    return await command.run(args, cli);
  } catch (error) {
    return reportFailure(error, command, cli);
  }
}

function printHelp(io: CliIo, topic: string | undefined): number {
  const command = topic === undefined ? undefined : findSubCommand(topic);
  io.out(command === undefined ? fullUsage() : `${usageOf(command)}\n  ${command.summary}`);
  return 0;
}

function environment(io: CliIo, options: CliOptions, needs: readonly ConfigVariable[]): CliEnvironment {
  const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const env = options.env ?? process.env;
  let context: Pick<Context, StartedParts> | undefined;
  let config: Config | undefined;
  let logger: Logger | undefined;
  const cli: CliEnvironment = {
    io,
    env,
    config() {
      config ??= context?.config ?? loadConfig(env, needs);
      return config;
    },
    logger() {
      logger ??= context?.logger ?? createLogger(logLevelOf(env), options.logStream);
      return logger;
    },
    knowledgeDir,
    stdin: options.stdin ?? process.stdin,
    context() {
      context ??= options.context?.() ?? createContext(cli.config(), { knowledgeDir, logger: cli.logger() });
      return context;
    },
  };
  return cli;
}

/** LOG_LEVEL for the logger even when the rest of the configuration is wrong (that is reported anyway). */
function logLevelOf(env: NodeJS.ProcessEnv): string {
  try {
    return loadConfig(env, ["LOG_LEVEL"]).logLevel;
  } catch {
    return "info";
  }
}

function reportFailure(error: unknown, command: SubCommand, cli: CliEnvironment): number {
  const { io } = cli;
  if (error instanceof UsageError) {
    io.err(`${error.message}\n${usageOf(command)}`);
    return 2;
  }
  if (error instanceof UserError || error instanceof KnowledgeError || error instanceof StoreError) {
    // The sentence for the admin; what lies behind it (Discord's answer, a stack) for LOG_LEVEL=debug.
    if (error.cause !== undefined)
      cli
        .logger()
        .debug({ error: toLoggableError(error.cause) }, `dossier ${command.name}: ${error.message}`);
    io.err(error.message);
    return 1;
  }
  // A bug: the whole story helps whoever reports it.
  io.err(
    `dossier ${command.name} failed unexpectedly.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return 1;
}
