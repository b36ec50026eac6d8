import {
  asRead,
  type CommandRequest,
  findAnswerCommand,
  followingOn,
  type LastQuestion,
  runRequest,
} from "../answer-commands.ts";
import type { Context } from "../bot/context.ts";
import { renderForTerminal } from "../render/command-output.ts";
import { writeRequestedPicture } from "../render/picture/timeline-png-file.ts";
import { styleFor } from "../render/terminal/terminal.ts";
import { renderDemandList } from "../render/terminal/terminal-answer.ts";
import { UserError } from "../user-error.ts";
import { consoleHelp } from "./help-text.ts";
import { parseConsoleLine } from "./parse-line.ts";

export interface ConsoleDisplay {
  color: boolean;
  width: number | undefined;
  /** Lines a reply may take before it is cut with a hint to narrow it; none for piped output. */
  maxLines?: number;
}

export interface ConsoleReply {
  /** What to print; undefined for a blank line. */
  text?: string;
  exit: boolean;
}

/** The session's last question, which a follow-up ("what else did he say") is read with. */
export interface Conversation {
  last?: LastQuestion;
}

export const APOLOGY = "Sorry, something went wrong while answering that. The details are in the log.";

/** One typed line → what the console prints. Never throws: every mistake gets a sentence, bugs an apology. */
export function answerLine(
  line: string,
  context: Pick<Context, "dossier" | "logger">,
  display: ConsoleDisplay,
  conversation: Conversation = {},
): ConsoleReply {
  try {
    const input = parseConsoleLine(line);
    switch (input.kind) {
      case "nothing":
        return { exit: false };
      case "exit":
        return { exit: true };
      case "help":
        return { text: consoleHelp(input.topic), exit: false };
      case "request": {
        const asking = input.request.command === "ask";
        const output = runRequest(
          context.dossier,
          input.request,
          asking ? followingOn(conversation.last) : {},
        );
        if (asking && output.kind === "answer")
          conversation.last = asRead(output.answer, input.request.question ?? "", conversation.last);
        // As in Discord, /demand alone lists the demands to choose from rather than all of them in full.
        const text =
          input.request.command === "demand" && input.request.topic === undefined && output.kind === "answer"
            ? renderDemandList(output.answer, { style: styleFor(display.color), width: display.width })
            : renderForTerminal(output, display);
        const written = writeRequestedPicture(input.request, output);
        const reply = written === undefined ? text : `${text}\n${written}`;
        return { text: cutToFit(reply, input.request, display.maxLines), exit: false };
      }
    }
  } catch (error) {
    if (error instanceof UserError) return { text: error.message, exit: false };
    context.logger.error({ err: error, line: line.slice(0, 200) }, "console command failed");
    return { text: APOLOGY, exit: false };
  }
}

/** A reply longer than the screen can show is cut, with how much is left out and how to narrow it. */
function cutToFit(text: string, request: CommandRequest, maxLines: number | undefined): string {
  const lines = text.split("\n");
  if (maxLines === undefined || lines.length <= maxLines) return text;
  const kept = lines.slice(0, maxLines - 1);
  // End on a whole card rather than in the middle of a quote.
  const lastGap = kept.lastIndexOf("");
  const shown = lastGap > maxLines / 2 ? kept.slice(0, lastGap) : kept;
  const example = findAnswerCommand(request.command)?.example;
  const narrow = example === undefined ? "" : ` Narrow it, e.g. ${example}`;
  return `${shown.join("\n")}\n… ${lines.length - shown.length} more lines.${narrow}`;
}
