import { renderForTerminal } from "../cli/render-output.ts";
import { runRequest } from "../cli/request.ts";
import { writeRequestedPicture } from "../cli/timeline-picture.ts";
import type { Context } from "../context.ts";
import { UserError } from "../errors.ts";
import { consoleHelp } from "./help-text.ts";
import { parseConsoleLine } from "./parse-line.ts";

export interface ConsoleDisplay {
  color: boolean;
  width: number | undefined;
}

export interface ConsoleReply {
  /** What to print; undefined for a blank line. */
  text?: string;
  exit: boolean;
}

export const APOLOGY = "Sorry, something went wrong while answering that. The details are in the log.";

/** One typed line → what the console prints. Never throws: every mistake gets a sentence, bugs an apology. */
export function answerLine(line: string, context: Context, display: ConsoleDisplay): ConsoleReply {
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
        const output = runRequest(context.dossier, input.request);
        const text = renderForTerminal(output, display);
        const written = writeRequestedPicture(input.request, output);
        return { text: written === undefined ? text : `${text}\n${written}`, exit: false };
      }
    }
  } catch (error) {
    if (error instanceof UserError) return { text: error.message, exit: false };
    context.logger.error({ err: error, line: line.slice(0, 200) }, "console command failed");
    return { text: APOLOGY, exit: false };
  }
}
