import { REST, Routes } from "discord.js";
import { commands as allCommands } from "../../commands/index.ts";
import type { SlashCommand } from "../bot/command.ts";
import { type Config, requireDiscordCredentials } from "../config.ts";
import type { CliIo } from "../render/terminal/terminal.ts";
import {
  type CommandDiff,
  diffCommands,
  type RegisteredCommand,
  registeredCommandsSchema,
} from "./command-diff.ts";
import { explainDiscordFailure } from "./discord-failure.ts";

/** The calls deploy makes; a test or another tool can pass its own `REST`. */
export interface CommandsRest {
  get(route: `/${string}`): Promise<unknown>;
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export type CommandScope = { kind: "guild"; guildId: string } | { kind: "global" };

export interface DeployOptions {
  rest?: CommandsRest;
  io: CliIo;
  commands?: readonly SlashCommand[];
  /** Where to register; default DISCORD_GUILD_ID when set, otherwise globally. */
  scope?: CommandScope;
  /** Remove the commands from the scope instead of registering them. */
  clear?: boolean;
}

export interface DeployResult extends CommandDiff {
  scope: CommandScope;
  /** After a global deploy: the commands taken off DISCORD_GUILD_ID, which would otherwise show twice. */
  removedFromGuild: string[];
}

/** A rate limit longer than this is reported (wait and run again) instead of waited out in silence. */
const LONGEST_SILENT_WAIT_MS = 5_000;

/**
 * Registers the slash commands on one server (changes show at once: for trying out) or globally
 * (every server; Discord may take up to an hour to show changes). A global deploy also removes this
 * application's commands from DISCORD_GUILD_ID, so the test server does not show every command twice.
 * Reads what is registered first, so it can say what it adds, updates and removes.
 */
export async function deployCommands(config: Config, options: DeployOptions): Promise<DeployResult> {
  const { token, clientId } = requireDiscordCredentials(config);
  const rest: CommandsRest = options.rest ?? createCommandsRest(config, token);
  const scope = options.scope ?? defaultScope(config);
  const desired = (options.commands ?? allCommands).map((command) => command.data.toJSON());
  const registered = (where: CommandScope) => readRegistered(rest, clientId, where);
  const route = (where: CommandScope) => commandsRoute(clientId, where);

  try {
    const current = await registered(scope);
    const diff = options.clear
      ? { added: [], updated: [], unchanged: [], removed: current.map((command) => command.name) }
      : diffCommands(current, registeredCommandsSchema.parse(desired));
    await rest.put(route(scope), { body: options.clear ? [] : desired });
    report(options.io, scope, diff, options.clear === true);

    let removedFromGuild: string[] = [];
    const testServer = config.discordGuildId;
    if (scope.kind === "global" && !options.clear && testServer !== undefined) {
      const guildScope = { kind: "guild", guildId: testServer } as const;
      removedFromGuild = (await registered(guildScope)).map((command) => command.name);
      if (removedFromGuild.length > 0) {
        await rest.put(route(guildScope), { body: [] });
        options.io.out(
          `Removed ${removedFromGuild.length} commands from server ${testServer} (DISCORD_GUILD_ID), where the global ones now show: ${list(removedFromGuild)}`,
        );
      }
    } else if (scope.kind === "guild" && !options.clear) {
      const global = await registered({ kind: "global" });
      if (global.length > 0) {
        options.io.out(
          `Note: ${global.length} commands are also registered globally, so server ${scope.guildId} shows them twice; \`dossier deploy-commands --clear --global\` removes the global ones.`,
        );
      }
    }
    return { scope, ...diff, removedFromGuild };
  } catch (error) {
    throw (
      explainDiscordFailure(error, { retry: "dossier deploy-commands", apiUrl: config.discordApiUrl }) ??
      error
    );
  } finally {
    // REST keeps sweeper timers alive; a one-shot tool must release them or the process never exits.
    if (options.rest === undefined && rest instanceof REST) releaseRest(rest);
  }
}

export function defaultScope(config: Pick<Config, "discordGuildId">): CommandScope {
  return config.discordGuildId === undefined
    ? { kind: "global" }
    : { kind: "guild", guildId: config.discordGuildId };
}

export function commandsRoute(clientId: string, scope: CommandScope): `/${string}` {
  return scope.kind === "global"
    ? Routes.applicationCommands(clientId)
    : Routes.applicationGuildCommands(clientId, scope.guildId);
}

export async function readRegistered(
  rest: CommandsRest,
  clientId: string,
  scope: CommandScope,
): Promise<RegisteredCommand[]> {
  return registeredCommandsSchema.parse(await rest.get(commandsRoute(clientId, scope)));
}

/** A REST client for one-shot tools: a long rate limit rejects (the admin is told how long to wait). */
export function createCommandsRest(config: Pick<Config, "discordApiUrl">, token: string): REST {
  return new REST({
    ...(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }),
    rejectOnRateLimit: (limit) => Math.max(limit.timeToReset, limit.retryAfter) > LONGEST_SILENT_WAIT_MS,
  }).setToken(token);
}

export function releaseRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

const list = (names: readonly string[]) => names.map((name) => `/${name}`).join(", ");

function report(io: CliIo, scope: CommandScope, diff: CommandDiff, cleared: boolean): void {
  const where = scope.kind === "guild" ? `server ${scope.guildId}` : "the global scope";
  if (cleared) {
    io.out(
      diff.removed.length === 0
        ? `No commands were registered in ${where}: nothing to remove.`
        : `Removed ${diff.removed.length} commands from ${where}: ${list(diff.removed)}`,
    );
    return;
  }
  const total = diff.added.length + diff.updated.length + diff.unchanged.length;
  io.out(
    scope.kind === "guild"
      ? `Registered ${total} commands on server ${scope.guildId} (changes show at once).`
      : `Registered ${total} commands globally (Discord may take up to an hour to show changes).`,
  );
  if (diff.added.length > 0) io.out(`  added:     ${list(diff.added)}`);
  if (diff.updated.length > 0) io.out(`  updated:   ${list(diff.updated)}`);
  if (diff.removed.length > 0) io.out(`  removed:   ${list(diff.removed)}`);
  if (diff.unchanged.length > 0) io.out(`  unchanged: ${list(diff.unchanged)}`);
}
