import { z } from "zod";
import { commands as allCommands } from "../../commands/index.ts";
import { CONFIG_VARIABLES, type Config, ConfigError, loadConfig } from "../config.ts";
import { diffCommands, registeredCommandsSchema } from "../deploy/command-diff.ts";
import {
  type CommandsRest,
  createCommandsRest,
  readRegistered,
  releaseRest,
} from "../deploy/deploy-commands.ts";
import { explainDiscordFailure } from "../deploy/discord-failure.ts";
import { nodeVersionProblem, oldestSupportedNode } from "../installation.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import { KnowledgeError } from "../knowledge/problems.ts";
import { openDatabase } from "../store/sqlite/open-database.ts";
import { StoreError } from "../store/store-error.ts";
import { parseArguments } from "./parse-arguments.ts";
import type { CliEnvironment, SubCommand } from "./sub-command.ts";

/** One line of the report: ✓ or ✗, then what was found and, when wrong, what to do. */
interface Check {
  ok: boolean;
  text: string;
}

const pass = (text: string): Check => ({ ok: true, text });
const fail = (text: string): Check => ({ ok: false, text });
const botUserSchema = z.object({ id: z.string(), username: z.string() });

/**
 * `dossier doctor`: everything `npm start` needs, checked in the order it needs it, each with a ✓/✗
 * line and the fix. It reads and registers nothing on Discord's side: deploy-commands does that.
 */
export const doctorCommand: SubCommand = {
  name: "doctor",
  usage: "",
  summary: "check Node.js, the configuration, DATA_DIR, the knowledge, the token and the registered commands",
  needs: CONFIG_VARIABLES,
  async run(args, cli) {
    parseArguments("doctor", args, {});
    const checks: Check[] = [];
    const report = (check: Check) => {
      checks.push(check);
      cli.io.out(`${check.ok ? "✓" : "✗"} ${check.text}`);
    };
    const tooOld = nodeVersionProblem();
    report(
      tooOld === undefined
        ? pass(`Node.js ${process.versions.node} (${oldestSupportedNode()} or later needed)`)
        : fail(tooOld),
    );
    const config = checkConfig(cli.env, report);
    report(checkKnowledge(cli.knowledgeDir));
    report(checkDataDir(config.dataDir));
    for (const check of await checkDiscord(config)) report(check);

    const failed = checks.filter((check) => !check.ok).length;
    cli.io.out(
      failed === 0
        ? "\nEverything Dossier needs is in place."
        : `\n${failed} ${failed === 1 ? "check" : "checks"} failed: fix them from the top, then run dossier doctor again.`,
    );
    return failed === 0 ? 0 : 1;
  },
};

/** Reports each configuration problem; returns what is usable of it (a malformed variable counts as unset). */
function checkConfig(env: CliEnvironment["env"], report: (check: Check) => void): Config {
  try {
    const config = loadConfig(env);
    const scope = config.discordGuildId === undefined ? "globally" : `on server ${config.discordGuildId}`;
    const bot =
      config.discordToken === undefined
        ? "no token: npm start runs the offline console"
        : `commands ${scope}`;
    report(pass(`Configuration (${bot}; DATA_DIR ${config.dataDir})`));
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) report(fail(problem));
    return loadConfig(env, []);
  }
}

function checkKnowledge(dir: string): Check {
  try {
    const corpus = loadCorpus(dir);
    return pass(`Knowledge: ${corpus.articles.length} articles, every citation verbatim`);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return fail(
      `Knowledge has ${error.problems.length} problem(s): run npm run knowledge:check for the list, and fix them.`,
    );
  }
}

/** Opens (creating if needed) the database as the bot would, which proves the folder is writable. */
function checkDataDir(dataDir: string): Check {
  try {
    const { db } = openDatabase(dataDir);
    try {
      const hasEntries =
        db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'qa_entries'").get() !== undefined;
      const entries = hasEntries ? Number(db.prepare("SELECT count(*) FROM qa_entries").pluck().get()) : 0;
      return pass(`DATA_DIR ${dataDir} is writable; its database holds ${entries} moderator entries`);
    } finally {
      db.close();
    }
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return fail(error.message);
  }
}

async function checkDiscord(config: Config): Promise<Check[]> {
  const { discordToken: token, discordClientId: clientId } = config;
  if (token === undefined)
    return [
      fail(
        "DISCORD_TOKEN is not set, so npm start runs the offline console: put the bot token in .env to run the bot.",
      ),
    ];
  if (clientId === undefined)
    return [
      fail(
        "DISCORD_CLIENT_ID is not set: put the Application ID in .env (Developer Portal › General Information).",
      ),
    ];
  const rest = createCommandsRest(config, token);
  try {
    const bot = botUserSchema.parse(await rest.get("/users/@me"));
    // A bot's user id is its application's id: a mismatch means the two were copied from different apps.
    if (bot.id !== clientId) {
      return [
        fail(
          `DISCORD_TOKEN belongs to application ${bot.id}, not DISCORD_CLIENT_ID ${clientId}: copy both from the same application.`,
        ),
      ];
    }
    return [
      pass(`Discord accepts DISCORD_TOKEN (bot ${bot.username})`),
      await checkCommands(rest, config, clientId),
    ];
  } catch (error) {
    const explained = explainDiscordFailure(error, { retry: "dossier doctor", apiUrl: config.discordApiUrl });
    if (explained === undefined) throw error;
    return [fail(explained.message)];
  } finally {
    releaseRest(rest);
  }
}

/** Registered where deploy-commands puts them, once, and identical to this release's definitions. */
async function checkCommands(rest: CommandsRest, config: Config, clientId: string): Promise<Check> {
  const global = await readRegistered(rest, clientId, { kind: "global" });
  const guildId = config.discordGuildId;
  const guild = guildId === undefined ? [] : await readRegistered(rest, clientId, { kind: "guild", guildId });
  if (global.length > 0 && guild.length > 0) {
    return fail(
      `The commands are registered both globally and on server ${guildId}, which shows each twice: run dossier deploy-commands --global to go live, or --clear --global to keep trying out.`,
    );
  }
  const [registered, where] = guild.length > 0 ? [guild, `on server ${guildId}`] : [global, "globally"];
  if (registered.length === 0) return fail("No slash commands are registered: run dossier deploy-commands.");
  const desired = registeredCommandsSchema.parse(allCommands.map((command) => command.data.toJSON()));
  const diff = diffCommands(registered, desired);
  const changed = [...diff.added, ...diff.updated, ...diff.removed];
  return changed.length === 0
    ? pass(`The ${desired.length} slash commands are registered ${where} and up to date`)
    : fail(
        `The slash commands registered ${where} differ from this release (${changed.map((name) => `/${name}`).join(", ")}): run dossier deploy-commands.`,
      );
}
