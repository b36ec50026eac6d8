import { consoleStreams, runConsole } from "../console/run-console.ts";
import { ANSWER_SUB_COMMANDS } from "./answer-sub-commands.ts";
import { backupCommand, restoreCommand } from "./backup-command.ts";
import { benchCommand } from "./bench-command.ts";
import { deployCommandsCommand, inviteCommand } from "./deploy-command.ts";
import { doctorCommand } from "./doctor-command.ts";
import { evalCommand } from "./eval-command.ts";
import { fitConfidenceCommand } from "./fit-confidence-command.ts";
import { fuzzCommand } from "./fuzz-command.ts";
import { ingestCommand } from "./ingest-command.ts";
import { knowledgeCheckCommand } from "./knowledge-check.ts";
import { UsageError } from "./parse-arguments.ts";
import { qaCommand } from "./qa-command.ts";
import { serveHttpCommand } from "./serve-http-command.ts";
import type { SubCommand } from "./sub-command.ts";

/** `dossier console`: the offline console, which `npm start` also opens without a token. */
export const consoleCommand: SubCommand = {
  name: "console",
  usage: "",
  summary: "the offline console: type /ask why now? and the other slash commands",
  async run(args, cli) {
    if (args.length > 0)
      throw new UsageError(`"dossier console" takes no arguments; got "${args.join(" ")}".`, "console");
    await runConsole(cli.context(), consoleStreams(cli.stdin, cli.io));
    return 0;
  },
};

/** Every `dossier` sub-command, grouped as the help text shows them. Add a new one here. */
export const SUB_COMMAND_GROUPS: ReadonlyArray<{ title: string; commands: ReadonlyArray<SubCommand> }> = [
  {
    title: "Answers (the slash commands, in a terminal; --json prints { confident, results })",
    commands: ANSWER_SUB_COMMANDS,
  },
  {
    title: "Tools",
    commands: [
      consoleCommand,
      knowledgeCheckCommand,
      evalCommand,
      fitConfidenceCommand,
      benchCommand,
      fuzzCommand,
      qaCommand,
      serveHttpCommand,
      ingestCommand,
    ],
  },
  {
    title: "Operations",
    commands: [deployCommandsCommand, inviteCommand, doctorCommand, backupCommand, restoreCommand],
  },
];

export function findSubCommand(name: string): SubCommand | undefined {
  for (const group of SUB_COMMAND_GROUPS) {
    const found = group.commands.find((command) => command.name === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function usageOf(command: SubCommand): string {
  return `Usage: dossier ${command.name}${command.usage === "" ? "" : ` ${command.usage}`}`;
}

export function fullUsage(): string {
  const synopsis = (command: SubCommand) => `${command.name} ${command.usage}`.trim();
  const width = Math.max(
    ...SUB_COMMAND_GROUPS.flatMap((group) => group.commands.map((c) => synopsis(c).length)),
  );
  const lines = ["Usage: dossier <command> [options]   (from a checkout: npm run dossier -- <command>)"];
  for (const group of SUB_COMMAND_GROUPS) {
    lines.push("", `${group.title}:`);
    for (const command of group.commands)
      lines.push(`  ${synopsis(command).padEnd(width)}  ${command.summary}`);
  }
  lines.push("", `  ${"help [command]".padEnd(width)}  this text, or one command's usage`);
  lines.push(`  ${"--version".padEnd(width)}  the release of Dossier and of Node.js`);
  return lines.join("\n");
}
