import { REST, Routes } from "discord.js";
import { commands as allCommands } from "../../commands/index.ts";
import type { SlashCommand } from "../bot/command.ts";
import type { CliIo } from "../cli/io.ts";
import { type Config, requireDiscordCredentials } from "../config.ts";
import { type CommandDiff, diffCommands, registeredCommandsSchema } from "./command-diff.ts";

/** The two calls deploy makes; a test or another tool can pass its own `REST`. */
export interface CommandsRest {
  get(route: `/${string}`): Promise<unknown>;
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export interface DeployOptions {
  rest?: CommandsRest;
  io: CliIo;
  commands?: readonly SlashCommand[];
}

export interface DeployResult extends CommandDiff {
  scope: { kind: "guild"; guildId: string } | { kind: "global" };
}

/**
 * Registers the slash commands: on one server when DISCORD_GUILD_ID is set (changes show at once, for
 * development), otherwise globally (every server; Discord may take up to an hour to show changes).
 * Reads what is registered first, so it can say what this deploy adds, updates and removes.
 */
export async function deployCommands(config: Config, options: DeployOptions): Promise<DeployResult> {
  const { token, clientId } = requireDiscordCredentials(config);
  const rest: CommandsRest = options.rest ?? createRest(config, token);
  const guildId = config.discordGuildId;
  const route =
    guildId === undefined
      ? Routes.applicationCommands(clientId)
      : Routes.applicationGuildCommands(clientId, guildId);
  const desired = (options.commands ?? allCommands).map((command) => command.data.toJSON());

  try {
    const current = registeredCommandsSchema.parse(await rest.get(route));
    const diff = diffCommands(current, registeredCommandsSchema.parse(desired));
    await rest.put(route, { body: desired });
    const scope = guildId === undefined ? { kind: "global" as const } : { kind: "guild" as const, guildId };
    report(options.io, scope, diff);
    return { scope, ...diff };
  } finally {
    // REST keeps sweeper timers alive; a one-shot tool must release them or the process never exits.
    if (options.rest === undefined && rest instanceof REST) {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  }
}

function createRest(config: Config, token: string): REST {
  const rest = config.discordApiUrl === undefined ? new REST() : new REST({ api: config.discordApiUrl });
  return rest.setToken(token);
}

function report(io: CliIo, scope: DeployResult["scope"], diff: CommandDiff): void {
  const total = diff.added.length + diff.updated.length + diff.unchanged.length;
  io.out(
    scope.kind === "guild"
      ? `Registered ${total} commands on server ${scope.guildId} (changes show at once).`
      : `Registered ${total} commands globally (Discord may take up to an hour to show changes).`,
  );
  const list = (names: string[]) => names.map((name) => `/${name}`).join(", ");
  if (diff.added.length > 0) io.out(`  added:     ${list(diff.added)}`);
  if (diff.updated.length > 0) io.out(`  updated:   ${list(diff.updated)}`);
  if (diff.removed.length > 0) io.out(`  removed:   ${list(diff.removed)}`);
  if (diff.unchanged.length > 0) io.out(`  unchanged: ${list(diff.unchanged)}`);
}
