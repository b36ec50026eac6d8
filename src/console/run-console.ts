import { createInterface } from "node:readline";
import type { Context } from "../bot/context.ts";
import type { CliIo } from "../render/terminal/terminal.ts";
import { answerLine, type ConsoleDisplay, type Conversation } from "./answer-line.ts";

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

export const BANNER = [
  "Dossier offline console: the same commands as in Discord.",
  "Type a question, or /help for the commands; /exit or Ctrl+D to leave.",
].join("\n");
const PROMPT = "dossier> ";
const LEAVE_HINT = "(Ctrl+C again to leave, or type /exit)";

/**
 * The offline REPL. Piped input is answered line by line until the end of input, which is how the
 * tests and scripts drive it; a terminal gets a prompt and readline's history. At a terminal each
 * reply wraps at the terminal's width as it is now (it may have been resized) and is cut to about two
 * screens; Ctrl+C clears a half-typed line, and a second Ctrl+C on an empty line leaves.
 */
export async function runConsole(
  context: Pick<Context, "dossier" | "logger">,
  streams: ConsoleStreams,
): Promise<void> {
  const { io, terminal } = streams;
  const rl = createInterface({
    input: streams.input,
    output: terminal?.output,
    terminal: terminal !== undefined,
    historySize: 200,
  });
  let leaving = false;
  rl.on("SIGINT", () => {
    if (terminal === undefined || (leaving && rl.line === "")) {
      rl.close();
      return;
    }
    leaving = rl.line === "";
    // Ctrl+U: readline's own way to clear what is typed before the cursor; Ctrl+K after it.
    rl.write(null, { ctrl: true, name: "u" });
    rl.write(null, { ctrl: true, name: "k" });
    if (leaving) io.out(`\n${LEAVE_HINT}`);
    else io.out("^C");
    rl.prompt();
  });
  if (terminal !== undefined) {
    io.out(BANNER);
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  const conversation: Conversation = {};
  for await (const line of rl) {
    leaving = false;
    const reply = answerLine(line, context, displayNow(io, terminal), conversation);
    if (reply.exit) break;
    if (reply.text !== undefined) io.out(`${reply.text}\n`);
    if (terminal !== undefined) rl.prompt();
  }
  rl.close();
}

/** Read before every reply: a terminal can be resized between two questions. */
function displayNow(io: CliIo, terminal: ConsoleStreams["terminal"]): ConsoleDisplay {
  const display: ConsoleDisplay = { color: io.color === true, width: io.width };
  const rows = terminal !== undefined && "rows" in terminal.output ? terminal.output.rows : undefined;
  if (typeof rows === "number" && rows > 0) display.maxLines = Math.max(20, rows * 2 - 2);
  return display;
}
