import {
  ANSWER_COMMANDS,
  type AnswerCommandSpec,
  type CommandRequest,
  parseRequest,
  runRequest,
} from "../answer-commands.ts";
import { renderAsJson, renderForTerminal } from "../render/command-output.ts";
import { writeRequestedPicture } from "../render/picture/timeline-png-file.ts";
import { UserError } from "../user-error.ts";
import { parseArguments } from "./parse-arguments.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";

/**
 * The sub-commands that mirror the slash commands, generated from their specs: the main option's
 * words are the positionals, every other option is `--name value`, and `--json` prints the contract.
 */
export const ANSWER_SUB_COMMANDS: ReadonlyArray<SubCommand> = ANSWER_COMMANDS.map(answerSubCommand);

function answerSubCommand(spec: AnswerCommandSpec): SubCommand {
  const flags = spec.options.filter((option) => option.name !== spec.main);
  return {
    name: spec.name,
    usage: cliUsage(spec),
    summary: spec.description,
    run(args, cli) {
      // Keyed by the spec's option names, never by outside text.
      const options = Object.fromEntries([
        ["json", { type: "boolean" as const }],
        ...flags.map((option) => [option.name, { type: "string" as const }] as const),
      ]);
      const parsed = parseArguments(spec.name, args, options);
      const given = new Map<string, unknown>(Object.entries(parsed.values));
      // "--speaker ''" is a slip, not "any speaker": the flag would be left out for that.
      const blank = flags.find((option) => String(given.get(option.name) ?? "x").trim() === "");
      if (blank !== undefined)
        throw new UserError(
          "empty-option",
          `--${blank.name} is empty; give it a value (${blank.description}), or leave it out.`,
        );
      const raw = Object.fromEntries([
        ...flags.map((option) => [option.name, given.get(option.name)] as const),
        ...(spec.main === undefined ? [] : [[spec.main, parsed.positionals.join(" ")] as const]),
      ]);
      return answerAndPrint(parseRequest({ ...raw, command: spec.name }), given.get("json") === true, cli);
    },
  };
}

/** "<question…> [--article id] [--json]": the main option's words first, then the flags. */
function cliUsage(spec: AnswerCommandSpec): string {
  const main = spec.options.find((option) => option.name === spec.main);
  const words = main === undefined ? [] : [main.required === true ? `<${main.name}…>` : `[${main.name}…]`];
  const flags = spec.options
    .filter((option) => option !== main)
    .map((option) => `[--${option.name} ${option.placeholder ?? option.name}]`);
  return [...words, ...flags, "[--json]"].join(" ");
}

function answerAndPrint(request: CommandRequest, json: boolean, cli: CliEnvironment): number {
  const output = runRequest(cli.context().dossier, request);
  const { io } = cli;
  io.out(
    json ? renderAsJson(output) : renderForTerminal(output, { color: io.color === true, width: io.width }),
  );
  const written = writeRequestedPicture(request, output);
  // With --json, stdout stays one JSON document.
  if (written !== undefined) (json ? io.err : io.out)(written);
  return 0;
}
