import { backupDatabase, restoreDatabase } from "../ops/backup.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

/** `dossier backup [--out file]`: safe while the bot runs; no sqlite3 program needed. */
export const backupCommand: SubCommand = {
  name: "backup",
  usage: "[--out file]",
  summary: "copy the moderators' database, safely while the bot runs (default DATA_DIR/backups/)",
  needs: ["DATA_DIR", "LOG_LEVEL"],
  async run(args, cli) {
    const { values, positionals } = parseArguments("backup", args, { out: { type: "string" } });
    if (positionals.length > 0)
      throw new UsageError(`"dossier backup" takes no file name; use --out ${positionals[0]}.`, "backup");
    const { file, entries } = await backupDatabase(cli.config().dataDir, values.out);
    cli.io.out(`Backed up ${entries} moderator entries to ${file} (integrity check: ok).`);
    return 0;
  },
};

/** `dossier restore <file>`: refuses while a bot runs, and checks the backup before replacing anything. */
export const restoreCommand: SubCommand = {
  name: "restore",
  usage: "<file>",
  summary: "replace the moderators' database with a backup (stop the bot first; the current one is kept)",
  needs: ["DATA_DIR", "LOG_LEVEL"],
  async run(args, cli) {
    const { positionals } = parseArguments("restore", args, {});
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('"dossier restore" takes one backup file.', "restore");
    const { entries, previous } = await restoreDatabase(cli.config().dataDir, file);
    cli.io.out(
      `Restored ${entries} moderator entries from ${file} (integrity check: ok).${
        previous === undefined ? "" : ` The database it replaced is kept in ${previous.file}.`
      } Start the bot to answer with them.`,
    );
    return 0;
  },
};
