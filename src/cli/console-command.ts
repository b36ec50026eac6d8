import { consoleStreams, runConsole } from "../console/run-console.ts";
import type { SubCommand } from "./sub-command.ts";
import { UsageError } from "./usage-error.ts";

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
