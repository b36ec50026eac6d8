import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { loadConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import { BOT_TOKEN } from "../e2e/bot-harness.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";
import { tempDir } from "../store/fixtures/temp-dir.ts";
import { captureIo } from "./capture-io.ts";

const quiet = { out: () => {}, err: () => {} };

describe("dossier doctor", () => {
  let fake: FakeDiscord;
  let data: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    data = tempDir("doctor");
  });
  afterEach(async () => {
    // Each test starts from a Discord with nothing registered.
    const config = loadConfig(env({ DISCORD_GUILD_ID: undefined }));
    await deployCommands(config, { io: quiet, clear: true, scope: { kind: "global" } });
    await deployCommands(config, { io: quiet, clear: true, scope: { kind: "guild", guildId: fake.guildId } });
    data.remove();
  });

  function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiBase,
      DATA_DIR: data.path,
      ...extra,
    };
  }

  async function doctor(environment: NodeJS.ProcessEnv) {
    const capture = captureIo();
    const code = await runCli(["doctor"], capture.io, { env: environment });
    return { code, lines: capture.stdout().split("\n") };
  }

  it("passes every check once the commands are deployed", async () => {
    await deployCommands(loadConfig(env()), { io: quiet });
    const { code, lines } = await doctor(env());
    expect(lines).toEqual([
      expect.stringMatching(/^✓ Node\.js \d+\.\d+\.\d+ \(20\.19 or later needed\)$/),
      `✓ Configuration (commands on server ${fake.guildId}; DATA_DIR ${data.path})`,
      "✓ Knowledge: 5 articles, every citation verbatim",
      `✓ DATA_DIR ${data.path} is writable; its database holds 0 moderator entries`,
      "✓ Discord accepts DISCORD_TOKEN (bot dossier)",
      `✓ The ${commands.length} slash commands are registered on server ${fake.guildId} and up to date`,
      "",
      "Everything Dossier needs is in place.",
    ]);
    expect(code).toBe(0);
  });

  it("lists every configuration problem, and still checks what it can", async () => {
    const { code, lines } = await doctor(env({ LOG_LEVEL: "loud", DISCORD_GUILD_ID: "my-server" }));
    expect(code).toBe(1);
    expect(lines.filter((line) => line.startsWith("✗"))).toEqual([
      '✗ DISCORD_GUILD_ID must be a Discord id (17–20 digits); got "my-server".',
      '✗ LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud".',
      "✗ No slash commands are registered: run dossier deploy-commands.",
    ]);
    expect(lines).toContain("✓ Discord accepts DISCORD_TOKEN (bot dossier)");
    expect(lines.at(-1)).toBe("3 checks failed: fix them from the top, then run dossier doctor again.");
  });

  it("names a refused token, and commands shown twice or out of date", async () => {
    const refused = await doctor(env({ DISCORD_TOKEN: "MTE5ODc2NTQzMjEwOTg3NjU0.wrong0.not-the-bot-token" }));
    expect(refused.lines).toContain(
      "✗ Discord refused DISCORD_TOKEN: copy the bot's token again (Developer Portal › Bot › Reset Token) into .env, then run dossier doctor again.",
    );

    const config = loadConfig(env());
    await deployCommands(config, { io: quiet });
    await deployCommands(config, { io: quiet, scope: { kind: "global" } });
    await deployCommands(config, { io: quiet, scope: { kind: "guild", guildId: fake.guildId } });
    const twice = await doctor(env());
    expect(twice.lines).toContain(
      `✗ The commands are registered both globally and on server ${fake.guildId}, which shows each twice: run dossier deploy-commands --global to go live, or --clear --global to keep trying out.`,
    );

    await deployCommands(config, { io: quiet, scope: { kind: "global" } });
    await deployCommands(config, { io: quiet, scope: { kind: "global" }, commands: commands.slice(1) });
    const outdated = await doctor(env({ DISCORD_GUILD_ID: undefined }));
    expect(outdated.lines).toContain(
      `✗ The slash commands registered globally differ from this release (/${commands[0]?.data.name}): run dossier deploy-commands.`,
    );
  });
});
