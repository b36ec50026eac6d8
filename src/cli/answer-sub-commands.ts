import { parseArguments } from "./parse-arguments.ts";
import { renderAsJson, renderForTerminal } from "./render-output.ts";
import { type CommandRequest, parseRequest, runRequest } from "./request.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";
import { writeRequestedPicture } from "./timeline-picture.ts";
import { UsageError } from "./usage-error.ts";

/** The sub-commands that mirror the slash commands: parse, make the Dossier call, print. */

const JSON_FLAG = { json: { type: "boolean" } } as const;

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

const words = (positionals: string[]) => positionals.join(" ");

export const askCommand: SubCommand = {
  name: "ask",
  usage: "<question…> [--article id] [--json]",
  summary: "answer a question with cited excerpts",
  run(args, cli) {
    const { values, positionals } = parseArguments("ask", args, {
      ...JSON_FLAG,
      article: { type: "string" },
    });
    const request = parseRequest({ command: "ask", question: words(positionals), article: values.article });
    return answerAndPrint(request, values.json === true, cli);
  },
};

export const demandCommand: SubCommand = {
  name: "demand",
  usage: "[topic…] [--json]",
  summary: "Russia's demands, each with its reasoning and the Western response",
  run(args, cli) {
    const { values, positionals } = parseArguments("demand", args, JSON_FLAG);
    return answerAndPrint(
      parseRequest({ command: "demand", topic: words(positionals) }),
      values.json === true,
      cli,
    );
  },
};

export const quoteCommand: SubCommand = {
  name: "quote",
  usage: "[--speaker name] [topic…] [--json]",
  summary: "who said what, in their own words",
  run(args, cli) {
    const { values, positionals } = parseArguments("quote", args, {
      ...JSON_FLAG,
      speaker: { type: "string" },
    });
    const request = parseRequest({ command: "quote", speaker: values.speaker, topic: words(positionals) });
    return answerAndPrint(request, values.json === true, cli);
  },
};

export const timelineCommand: SubCommand = {
  name: "timeline",
  usage: "[--from 2014] [--to 2022] [topic…] [--png file] [--json]",
  summary: "dated events, oldest first; --png also draws them as a picture",
  run(args, cli) {
    const options = {
      ...JSON_FLAG,
      from: { type: "string" },
      to: { type: "string" },
      png: { type: "string" },
    } as const;
    const { values, positionals } = parseArguments("timeline", args, options);
    const request = parseRequest({
      command: "timeline",
      from: values.from,
      to: values.to,
      topic: words(positionals),
      png: values.png,
    });
    return answerAndPrint(request, values.json === true, cli);
  },
};

export const whoCommand: SubCommand = {
  name: "who",
  usage: "<person…> [--json]",
  summary: "who a person is, and where the articles mention them",
  run(args, cli) {
    const { values, positionals } = parseArguments("who", args, JSON_FLAG);
    return answerAndPrint(
      parseRequest({ command: "who", person: words(positionals) }),
      values.json === true,
      cli,
    );
  },
};

export const sourceCommand: SubCommand = {
  name: "source",
  usage: "[article] [--json]",
  summary: "the articles, or one article's details",
  run(args, cli) {
    const { values, positionals } = parseArguments("source", args, JSON_FLAG);
    if (positionals.length > 1) {
      throw new UsageError(
        `"dossier source" takes one article id; got ${positionals.length} words.`,
        "source",
      );
    }
    return answerAndPrint(
      parseRequest({ command: "source", article: positionals[0] }),
      values.json === true,
      cli,
    );
  },
};

export const ANSWER_SUB_COMMANDS: ReadonlyArray<SubCommand> = [
  askCommand,
  demandCommand,
  quoteCommand,
  timelineCommand,
  whoCommand,
  sourceCommand,
];
