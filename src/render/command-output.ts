import type { CommandOutput } from "../answer-commands.ts";
import { answerToJson, formatJson, sourcesToJson } from "./json.ts";
import { renderSource, renderSourceList } from "./terminal/sources.ts";
import { styleFor } from "./terminal/terminal.ts";
import { renderAnswer } from "./terminal/terminal-answer.ts";

export interface TerminalOptions {
  color: boolean;
  width: number | undefined;
}

/** Human output, shared by the sub-commands and the console. */
export function renderForTerminal(output: CommandOutput, options: TerminalOptions): string {
  const style = styleFor(options.color);
  switch (output.kind) {
    case "answer":
      return renderAnswer(output.answer, { style, width: options.width }, output.command);
    case "sources":
      return renderSourceList(output.sources, style);
    case "source":
      return renderSource(output.source, style);
  }
}

/** The `--json` contract: answers as `{ confident, results }`, sources as `{ articles }`. */
export function renderAsJson(output: CommandOutput): string {
  switch (output.kind) {
    case "answer":
      return formatJson(answerToJson(output.answer));
    case "sources":
      return formatJson(sourcesToJson(output.sources));
    case "source":
      return formatJson(sourcesToJson([output.source]));
  }
}
