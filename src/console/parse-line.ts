import { ANSWER_COMMANDS, type CommandRequest, findAnswerCommand, parseRequest } from "../answer-commands.ts";
import { UserError } from "../user-error.ts";
import { closestName } from "./closest-name.ts";
import { parseSlashOptions } from "./parse-options.ts";

/** What one line typed in the console asks for. */
export type ConsoleInput =
  | { kind: "nothing" }
  | { kind: "help"; topic?: string }
  | { kind: "exit" }
  | { kind: "request"; request: CommandRequest };

/** Commands of the console itself, not sent to the answer layer. */
const CONSOLE_ONLY_COMMANDS = ["help", "exit"] as const;

/** Discord's limit on the text of one command's options. */
export const MAX_LINE_LENGTH = 6000;

/**
 * Parses `/name options…`, or a plain question for /ask; anything the user can fix is a UserError
 * whose sentence says how.
 */
export function parseConsoleLine(line: string): ConsoleInput {
  const text = line.trim();
  if (text === "") return { kind: "nothing" };
  if (text.length > MAX_LINE_LENGTH) {
    throw new UserError(
      "line-too-long",
      `That line is ${text.length} characters long; a command may have at most ${MAX_LINE_LENGTH}. Ask something shorter.`,
    );
  }
  // "help" and "exit" typed bare, as in most programs' prompts.
  if (/^help\W*$/i.test(text)) return { kind: "help" };
  if (/^(?:exit|quit)$/i.test(text)) return { kind: "exit" };
  // A line without a slash is what a member most often types: a question.
  if (!text.startsWith("/"))
    return { kind: "request", request: parseRequest({ command: "ask", question: text }) };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(text);
  const name = (match?.[1] ?? "").toLowerCase();
  const rest = match?.[2] ?? "";
  if (name === "help")
    return rest === "" ? { kind: "help" } : { kind: "help", topic: rest.replace(/^\//, "") };
  if (name === "exit" || name === "quit") return { kind: "exit" };
  const command = findAnswerCommand(name);
  if (command === undefined) throw unknownCommand(name);
  const values = parseSlashOptions(command, rest);
  for (const option of command.options) {
    if (option.required === true && values[option.name] === undefined) {
      throw new UserError(
        "missing-option",
        // The example shows it; the option's description has an example of its own ("e.g. why now?").
        `/${command.name} needs ${option.name}: — for example ${command.example}`,
      );
    }
  }
  return { kind: "request", request: parseRequest({ command: command.name, ...values }) };
}

function unknownCommand(name: string): UserError {
  const names = [...ANSWER_COMMANDS.map((c) => c.name), ...CONSOLE_ONLY_COMMANDS];
  const guess = name === "" ? undefined : closestName(name, names);
  const hint = guess === undefined ? "" : ` Did you mean /${guess}?`;
  const typed = name === "" ? "A command needs a name after the /." : `There is no /${name} command.`;
  return new UserError(
    "unknown-command",
    `${typed}${hint} Commands: ${names.map((n) => `/${n}`).join(", ")}.`,
  );
}
