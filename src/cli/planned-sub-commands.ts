import type { SubCommand } from "./sub-command.ts";

/**
 * Sub-commands whose modules are still being written. Each keeps its place in the help text and
 * answers with a clear sentence until its real entry replaces it in sub-commands.ts.
 */
function planned(name: string, usage: string, summary: string): SubCommand {
  return {
    name,
    usage,
    summary,
    run(_args, cli) {
      cli.io.err(`"dossier ${name}" is not available in this version yet.`);
      return 1;
    },
  };
}

export const PLANNED_SUB_COMMANDS: ReadonlyArray<SubCommand> = [
  planned("ingest", "<raw file> [--id id] [--write]", "clean a raw article into a reviewable knowledge file"),
  planned("deploy-commands", "", "register the slash commands (on DISCORD_GUILD_ID when set, else globally)"),
  planned("invite", "", "print the link that adds the bot to a server"),
  planned("qa", "export|import --guild <id> [file]", "move moderators' entries to and from knowledge files"),
];
