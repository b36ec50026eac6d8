import { SlashCommandBuilder } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { SlashCommand } from "../../src/bot/command.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import { captureIo } from "../cli/capture-io.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";
import { BOT_TOKEN } from "./bot-harness.ts";

/** `deploy-commands` against the fake Discord, as an admin runs it. */
describe("deployCommands", () => {
  let fake: FakeDiscord;
  let printed: string[];
  const io = {
    out: (line: string) => printed.push(line),
    err: (line: string) => printed.push(`error: ${line}`),
  };

  beforeEach(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
    printed = [];
  });
  afterEach(async () => {
    await fake.close();
  });

  function configFor(guild: boolean): Config {
    return loadConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiBase,
      ...(guild ? { DISCORD_GUILD_ID: fake.guildId } : {}),
    });
  }

  it("registers every command on the configured server and says they were added", async () => {
    const result = await deployCommands(configFor(true), { io });
    const names = commands.map((command) => command.data.name);
    expect(fake.commandRegistrations.map((r) => r.scope)).toEqual([{ kind: "guild", guildId: fake.guildId }]);
    expect(fake.commandRegistrations[0]?.commands.map((c) => c.name)).toEqual(names);
    expect(result.added).toEqual(names);
    expect(printed).toEqual([
      `Registered ${names.length} commands on server ${fake.guildId} (changes show at once).`,
      `  added:     ${names.map((n) => `/${n}`).join(", ")}`,
    ]);
  });

  it("registers globally when no server is configured", async () => {
    const result = await deployCommands(configFor(false), { io });
    expect(result.scope).toEqual({ kind: "global" });
    expect(fake.commandRegistrations.map((r) => r.scope)).toEqual([{ kind: "global" }]);
    expect(printed[0]).toMatch(/^Registered \d+ commands globally/);
  });

  it("reports a second identical deploy as unchanged", async () => {
    await deployCommands(configFor(true), { io });
    const again = await deployCommands(configFor(true), { io });
    expect(again).toMatchObject({ added: [], updated: [], removed: [] });
    expect(again.unchanged).toHaveLength(commands.length);
  });

  it("reports updated and removed commands", async () => {
    await deployCommands(configFor(true), { io });
    const reworded: SlashCommand = {
      data: new SlashCommandBuilder().setName("ask").setDescription("A new description"),
      cooldown: true,
      execute: async () => {},
    };
    const result = await deployCommands(configFor(true), { io, commands: [reworded] });
    expect(result.updated).toEqual(["ask"]);
    expect(result.removed).toEqual(commands.slice(1).map((command) => command.data.name));
  });

  describe("scopes from the command line", () => {
    const names = commands.map((command) => command.data.name);
    const registeredNames = (scope: "global" | "guild") =>
      fake.commandRegistrations
        .filter((registration) => registration.scope.kind === scope)
        .at(-1)
        ?.commands.map((command) => command.name) ?? [];

    async function cli(args: string[], guild = true) {
      const capture = captureIo();
      const code = await runCli(["deploy-commands", ...args], capture.io, {
        env: {
          DISCORD_TOKEN: BOT_TOKEN,
          DISCORD_CLIENT_ID: fake.applicationId,
          DISCORD_API_URL: fake.apiBase,
          ...(guild ? { DISCORD_GUILD_ID: fake.guildId } : {}),
        },
      });
      return { code, stdout: capture.stdout(), stderr: capture.stderr() };
    }

    it("--global after a guild deploy leaves no guild commands and the full set globally", async () => {
      expect((await cli([])).code).toBe(0);
      expect(registeredNames("guild")).toEqual(names);

      const live = await cli(["--global"]);
      expect(live.code).toBe(0);
      expect(registeredNames("global")).toEqual(names);
      expect(registeredNames("guild")).toEqual([]);
      expect(live.stdout.split("\n")).toEqual([
        `Registered ${names.length} commands globally (Discord may take up to an hour to show changes).`,
        `  added:     ${names.map((n) => `/${n}`).join(", ")}`,
        `Removed ${names.length} commands from server ${fake.guildId} (DISCORD_GUILD_ID), where the global ones now show: ${names.map((n) => `/${n}`).join(", ")}`,
      ]);

      // Going live twice changes nothing and removes nothing.
      const again = await cli(["--global"]);
      expect(again.stdout).not.toContain("Removed");
      expect(again.stdout).toContain(`  unchanged: /${names[0]}`);
    });

    it("--guild registers on that server, and notes commands that are also global", async () => {
      await cli(["--global"], false);
      const { code, stdout } = await cli(["--guild", fake.guildId], false);
      expect(code).toBe(0);
      expect(registeredNames("guild")).toEqual(names);
      expect(stdout).toContain(`Registered ${names.length} commands on server ${fake.guildId}`);
      expect(stdout).toContain(
        `Note: ${names.length} commands are also registered globally, so server ${fake.guildId} shows them twice; \`dossier deploy-commands --clear --global\` removes the global ones.`,
      );
    });

    it("--clear removes them from DISCORD_GUILD_ID, --clear --global from every server", async () => {
      await cli([]);
      await cli(["--global"], false);
      const guild = await cli(["--clear"]);
      expect(guild.stdout).toBe(
        `Removed ${names.length} commands from server ${fake.guildId}: ${names.map((n) => `/${n}`).join(", ")}`,
      );
      expect(registeredNames("guild")).toEqual([]);
      const global = await cli(["--clear", "--global"]);
      expect(global.stdout).toMatch(
        new RegExp(`^Removed ${names.length} commands from the global scope: /ask`),
      );
      expect(registeredNames("global")).toEqual([]);
      const nothing = await cli(["--clear", "--guild", fake.guildId]);
      expect(nothing.stdout).toBe(
        `No commands were registered in server ${fake.guildId}: nothing to remove.`,
      );
    });

    it("refuses --global with --guild, and a --guild that is not an id", async () => {
      const both = await cli(["--global", "--guild", fake.guildId]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain("Choose --global or --guild, not both.");
      const notAnId = await cli(["--guild", "my-server"]);
      expect(notAnId.code).toBe(1);
      expect(notAnId.stderr).toMatch(/^--guild must be a server id/);
      expect(fake.commandRegistrations).toHaveLength(0);
    });
  });
});
