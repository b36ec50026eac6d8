import { createInterface } from "node:readline";
import type { CliIo } from "../cli/io.ts";
import type { Context } from "../context.ts";
import { answerLine } from "./answer-line.ts";

export interface ConsoleStreams {
  input: NodeJS.ReadableStream;
  io: CliIo;
  /** Set when a person sits at a terminal: prompt, banner and ↑ history. Absent for piped lines. */
  terminal?: { output: NodeJS.WritableStream };
}

/** A person at a terminal on both ends gets the prompt and history; anything else is read as piped lines. */
export function consoleStreams(input: NodeJS.ReadableStream, io: CliIo): ConsoleStreams {
  const interactive = "isTTY" in input && input.isTTY === true && process.stdout.isTTY === true;
  return interactive ? { input, io, terminal: { output: process.stdout } } : { input, io };
}

export const BANNER =
  "Dossier offline console: the same commands as in Discord. Type /help for the list, /exit (or Ctrl+D) to leave.";
const PROMPT = "dossier> ";

/**
 * The offline REPL. Piped input is answered line by line until the end of input, which is how the
 * tests and scripts drive it; a terminal gets a prompt and readline's history.
 */
export async function runConsole(context: Context, streams: ConsoleStreams): Promise<void> {
  const { io, terminal } = streams;
  const rl = createInterface({
    input: streams.input,
    output: terminal?.output,
    terminal: terminal !== undefined,
    historySize: 200,
  });
  rl.on("SIGINT", () => rl.close());
  const display = { color: io.color === true, width: io.width };
  if (terminal !== undefined) {
    io.out(BANNER);
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  for await (const line of rl) {
    const reply = answerLine(line, context, display);
    if (reply.exit) break;
    if (reply.text !== undefined) io.out(`${reply.text}\n`);
    if (terminal !== undefined) rl.prompt();
  }
  rl.close();
}
