import { SlashCommandBuilder } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { SlashCommand } from "../../src/bot/command.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
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
});
