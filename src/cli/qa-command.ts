import { readFileSync, writeFileSync } from "node:fs";
import { formatQaFile, parseQaFile } from "../moderation/qa-file.ts";
import { damagedDatabase, type QaStore } from "../store/index.ts";
import { openStore } from "../store/open-qa-store.ts";
import type { SqliteQaStore } from "../store/sqlite/sqlite-qa-store.ts";
import { UserError } from "../user-error.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";

/** Who the revisions of an import name when no --actor is given. */
const DEFAULT_ACTOR = "command-line";

/**
 * `dossier qa export [--guild id] [--out file]` and `dossier qa import --guild id [--actor name] <file>`:
 * a server's moderator entries to and from the knowledge/qa.yaml format, against the configured store
 * (DATABASE_URL, or DATA_DIR).
 * `dossier qa check`: SQLite's full integrity check of the store, which the bot's start only samples.
 */
export const qaCommand: SubCommand = {
  name: "qa",
  usage: "export|import|check [--guild id] [file]",
  summary:
    "a server's moderator entries to and from the qa.yaml format (export: --out file); check the database",
  needs: ["DATA_DIR", "LOG_LEVEL"],
  async run(args, cli) {
    const [action, ...rest] = args;
    if (action !== "export" && action !== "import" && action !== "check") {
      throw new UsageError('"dossier qa" needs "export", "import" or "check".', "qa");
    }
    const { config, corpus } = cli.context();
    const { store } = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, corpus });
    try {
      if (action === "check") {
        if (!("checkIntegrity" in store))
          throw new UsageError('"dossier qa check" checks the SQLite file; Postgres checks itself.', "qa");
        return await checkStore(rest, store, cli);
      }
      return action === "export"
        ? await exportEntries(rest, store, cli)
        : await importEntries(rest, store, cli);
    } finally {
      await store.close();
    }
  },
};

/** integrity_check reads every page and every index: slower than the start's quick_check, so on demand. */
async function checkStore(args: string[], store: SqliteQaStore, cli: CliEnvironment): Promise<number> {
  if (args.length > 0) throw new UsageError('"dossier qa check" takes no arguments.', "qa");
  const [first, ...more] = store.checkIntegrity();
  if (first !== undefined) {
    const others = more.length === 0 ? "" : `, and ${more.length} more`;
    throw damagedDatabase(store.file, `is damaged (SQLite's integrity_check: ${first}${others})`);
  }
  const entries = await store.allActive();
  const servers = new Set(entries.map((entry) => entry.guildId)).size;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  cli.io.out(
    `The database ${store.file} is healthy (SQLite's integrity_check found no problem): it holds ${count(entries.length, "active entry", "active entries")} in ${count(servers, "server", "servers")}.`,
  );
  return 0;
}

async function chooseGuild(store: QaStore, guild: string | undefined): Promise<string> {
  if (guild !== undefined) return guild;
  const guilds = [...new Set((await store.allActive()).map((entry) => entry.guildId))].sort();
  const [only, ...others] = guilds;
  if (only === undefined) {
    // Not a misuse of the command line: the data folder is empty, so exit 1 without the usage.
    throw new UserError(
      "qa-nothing-to-export",
      "No server has active entries in this data folder (DATA_DIR): there is nothing to export.",
    );
  }
  if (others.length > 0) {
    throw new UsageError(
      `Several servers have entries (${guilds.join(", ")}): choose one with --guild.`,
      "qa",
    );
  }
  return only;
}

async function exportEntries(args: string[], store: QaStore, cli: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArguments("qa", args, {
    guild: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length > 0)
    throw new UsageError(`"dossier qa export" takes no file name; use --out ${positionals[0]}.`, "qa");
  const guildId = await chooseGuild(store, values.guild);
  const entries = await store.exportEntries(guildId);
  const text = formatQaFile(
    entries,
    `${entries.length} moderator entries of server ${guildId}, in the knowledge/qa.yaml format.\nAppend them to knowledge/qa.yaml to answer them in every server, then run knowledge:check.`,
  );
  if (values.out === undefined) {
    cli.io.out(text.trimEnd());
  } else {
    writeFileSync(values.out, text, "utf8");
    cli.io.err(`Wrote ${entries.length} entries of server ${guildId} to ${values.out}.`);
  }
  return 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason =
      error instanceof Error && "code" in error && error.code === "ENOENT"
        ? "there is no such file"
        : String(error);
    throw new UserError("qa-file-unreadable", `Cannot read ${file}: ${reason}.`);
  }
}

async function importEntries(args: string[], store: QaStore, cli: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArguments("qa", args, {
    guild: { type: "string" },
    actor: { type: "string" },
  });
  const [file, ...extra] = positionals;
  if (values.guild === undefined)
    throw new UsageError('"dossier qa import" needs --guild <server id>.', "qa");
  if (file === undefined || extra.length > 0)
    throw new UsageError('"dossier qa import" takes one file.', "qa");
  const entries = parseQaFile(readText(file), file);
  const counts = await store.importEntries(values.guild, entries, values.actor ?? DEFAULT_ACTOR);
  // Replicas on Postgres hear of the import through the database; a bot on SQLite reads it at start.
  const when = cli.context().config.databaseUrl === undefined ? "after its next start" : "at once";
  cli.io.out(
    `Imported ${file} into server ${values.guild}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged. A running bot answers with them ${when}.`,
  );
  return 0;
}
