import { loadConfig } from "../config.ts";
import { consoleStreams, runConsole } from "../console/run-console.ts";
import { type Context, createContext } from "../context.ts";
import { UserError } from "../errors.ts";
import { KnowledgeError } from "../knowledge/problems.ts";
import { type CliIo, processIo } from "./io.ts";

/** Starts the Discord bot with the context; resolves once it is logged in and answering. */
export type BotStarter = (context: Context) => Promise<unknown>;

export const NO_TOKEN_NOTICE =
  "No DISCORD_TOKEN set: starting the offline console. Set it in .env to run the Discord bot (see README).";

export const NO_BOT_MESSAGE =
  "DISCORD_TOKEN is set, but this version has no Discord bot to start yet. Remove DISCORD_TOKEN from .env to use the offline console.";

export interface StartOptions {
  /** Absent until the bot module is wired in src/main.ts. */
  startBot?: BotStarter | undefined;
  env?: NodeJS.ProcessEnv;
  io?: CliIo;
  stdin?: NodeJS.ReadStream | NodeJS.ReadableStream;
}

/** `npm start`: the bot when DISCORD_TOKEN is set, otherwise the offline console. Returns the exit code. */
export async function startDossier(options: StartOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  const stdin = options.stdin ?? process.stdin;
  let context: Context;
  try {
    context = createContext(loadConfig(options.env ?? process.env));
  } catch (error) {
    if (!(error instanceof UserError || error instanceof KnowledgeError)) throw error;
    io.err(error.message);
    return 1;
  }
  if (context.config.discordToken !== undefined) {
    if (options.startBot === undefined) {
      io.err(NO_BOT_MESSAGE);
      return 1;
    }
    await options.startBot(context);
    return 0;
  }
  io.out(NO_TOKEN_NOTICE);
  await runConsole(context, consoleStreams(stdin, io));
  return 0;
}
