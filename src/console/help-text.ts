import { ANSWER_COMMANDS, type AnswerCommandSpec, findAnswerCommand } from "../answer-commands.ts";
import { wrapLines } from "../render/terminal/quote-block.ts";

/** /help fits an 80-column terminal, the narrowest a member is likely to have. */
export const HELP_WIDTH = 80;
const SYNOPSIS_WIDTH = 30;

/** `/help` and `/help <command>`: the same commands and options as in Discord. */
export function consoleHelp(topic?: string): string {
  if (topic !== undefined) {
    const command = findAnswerCommand(topic.toLowerCase());
    if (command !== undefined) return commandHelp(command);
  }
  const lines = [
    ...wrapLines(
      "Type a question, or a command as in Discord: options are name:value, and a value with spaces is quoted.",
      "",
      HELP_WIDTH,
    ),
    ...ANSWER_COMMANDS.flatMap((command) => row(synopsis(command), command.description)),
    ...row("/help [command]", "this list, or one command's options"),
    ...row("/exit", "leave (or Ctrl+D, or Ctrl+C twice)"),
    "Curated answers are the curators' summaries; every quotation is verbatim.",
    "Examples: why now?   /quote speaker:Putin   /timeline from:2014   /who Ryabkov",
  ];
  return lines.join("\n");
}

/** "  /ask question:… [article:…]  Ask a question…", the description wrapped under itself. */
function row(left: string, description: string, leftWidth = SYNOPSIS_WIDTH): string[] {
  const indent = " ".repeat(leftWidth + 3);
  const [first = "", ...rest] = wrapLines(description, indent, HELP_WIDTH);
  const lead = `  ${left}`;
  if (lead.length < leftWidth + 3) return [`${lead.padEnd(leftWidth + 3)}${first.trimStart()}`, ...rest];
  return [lead, first, ...rest];
}

function synopsis(command: AnswerCommandSpec): string {
  const options = command.options.map((o) => (o.required === true ? `${o.name}:…` : `[${o.name}:…]`));
  return [`/${command.name}`, ...options].join(" ");
}

function commandHelp(command: AnswerCommandSpec): string {
  const lines = wrapLines(`${synopsis(command)} — ${command.description}`, "", HELP_WIDTH);
  for (const option of command.options) {
    const main = option.name === command.main ? " (or type it without the name)" : "";
    lines.push(...row(`${option.name}:`, `${option.description}${main}`, 10));
  }
  lines.push(`Example: ${command.example}`);
  return lines.join("\n");
}
