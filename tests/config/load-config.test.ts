import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig, requireDiscordCredentials } from "../../src/config.ts";
import { createLogger } from "../../src/create-context.ts";
import { PROJECT_ROOT } from "../../src/installation.ts";

const TOKEN = "MTEyMzQ1Njc4OTAxMjM0NTY3OA.GhIjKl.s3cr3t-t0k3n-value_XYZ";
const CLIENT_ID = "112345678901234567";

function failure(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("loadConfig", () => {
  it("gives defaults for everything optional; blank values count as unset", () => {
    const expected = {
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      // Beside the code, wherever the command was started from.
      dataDir: join(PROJECT_ROOT, "data"),
      moderatorRoleIds: [],
      logLevel: "info",
      cooldownSeconds: 3,
      quizSeconds: 20,
      metricsPort: undefined,
      metricsHost: "127.0.0.1",
      databaseUrl: undefined,
      discordPublicKey: undefined,
      shardCount: undefined,
      httpPort: 8080,
      httpHost: "127.0.0.1",
    };
    expect(loadConfig({})).toEqual(expected);
    expect(
      loadConfig({
        DISCORD_TOKEN: "",
        DISCORD_CLIENT_ID: " ",
        LOG_LEVEL: "",
        COOLDOWN_SECONDS: "",
        QUIZ_SECONDS: "",
      }),
    ).toEqual(expected);
  });

  it("reads every variable", () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: CLIENT_ID,
        DISCORD_GUILD_ID: "98765432109876543",
        DISCORD_API_URL: "http://127.0.0.1:4567/api/",
        DATA_DIR: "/var/lib/dossier",
        MODERATOR_ROLE_IDS: "11111111111111111, 22222222222222222,",
        LOG_LEVEL: "DEBUG",
        COOLDOWN_SECONDS: "0",
        QUIZ_SECONDS: "45",
        METRICS_PORT: "9464",
        METRICS_HOST: "0.0.0.0",
        DATABASE_URL: "postgres://dossier:secret@db:5432/dossier",
        DISCORD_PUBLIC_KEY: "ab".repeat(32),
        SHARD_COUNT: "auto",
        PORT: "3000",
        HOST: "0.0.0.0",
      }),
    ).toEqual({
      discordToken: TOKEN,
      discordClientId: CLIENT_ID,
      discordGuildId: "98765432109876543",
      discordApiUrl: "http://127.0.0.1:4567/api",
      dataDir: "/var/lib/dossier",
      moderatorRoleIds: ["11111111111111111", "22222222222222222"],
      logLevel: "debug",
      cooldownSeconds: 0,
      quizSeconds: 45,
      metricsPort: 9464,
      metricsHost: "0.0.0.0",
      databaseUrl: "postgres://dossier:secret@db:5432/dossier",
      discordPublicKey: "ab".repeat(32),
      shardCount: "auto",
      httpPort: 3000,
      httpHost: "0.0.0.0",
    });
    expect(loadConfig({ SHARD_COUNT: "2" }).shardCount).toBe(2);
  });

  it("takes a relative DATA_DIR from the project folder, not the working directory", () => {
    expect(loadConfig({ DATA_DIR: "var/dossier" }).dataDir).toBe(join(PROJECT_ROOT, "var", "dossier"));
  });

  it.each([
    [{ DISCORD_CLIENT_ID: "abc" }, 'DISCORD_CLIENT_ID must be a Discord id (17–20 digits); got "abc".'],
    [{ DISCORD_GUILD_ID: "123" }, 'DISCORD_GUILD_ID must be a Discord id (17–20 digits); got "123".'],
    [
      { DISCORD_TOKEN: TOKEN },
      "DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set: copy the Application ID from the General Information page of the Discord Developer Portal.",
    ],
    [
      { DISCORD_TOKEN: `Bot ${TOKEN}`, DISCORD_CLIENT_ID: CLIENT_ID },
      'DISCORD_TOKEN must be the token alone, without the "Bot " prefix.',
    ],
    [
      { DISCORD_TOKEN: "s3cr3t-client-secret", DISCORD_CLIENT_ID: CLIENT_ID },
      "DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it from the Bot page of the Discord Developer Portal, not the client secret.",
    ],
    [
      { DISCORD_API_URL: "discord.com/api" },
      'DISCORD_API_URL must be an http(s) address such as http://127.0.0.1:3000/api; got "discord.com/api".',
    ],
    [
      { DISCORD_API_URL: "http://127.0.0.1:4567/api/v10" },
      'DISCORD_API_URL must not end with the API version (it is added for you): use "http://127.0.0.1:4567/api".',
    ],
    [
      { MODERATOR_ROLE_IDS: "11111111111111111,moderators" },
      'MODERATOR_ROLE_IDS must be Discord role ids (17–20 digits) separated by commas; "moderators" is not one.',
    ],
    [
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud".',
    ],
    [
      { COOLDOWN_SECONDS: "2.5" },
      'COOLDOWN_SECONDS must be a whole number of seconds (0 turns the cooldown off); got "2.5".',
    ],
    [{ COOLDOWN_SECONDS: "86400" }, 'COOLDOWN_SECONDS must be at most 3600; got "86400".'],
    [{ QUIZ_SECONDS: "soon" }, 'QUIZ_SECONDS must be a whole number of seconds; got "soon".'],
    [
      { DATABASE_URL: "mysql://db/dossier" },
      "DATABASE_URL must be a Postgres address such as postgres://dossier:password@db.example:5432/dossier (leave it unset to keep the SQLite file in DATA_DIR).",
    ],
    [
      { DISCORD_PUBLIC_KEY: "not-a-key" },
      "DISCORD_PUBLIC_KEY must be the application's public key, 64 hexadecimal characters: copy it from the General Information page of the Discord Developer Portal.",
    ],
    [
      { SHARD_COUNT: "many" },
      'SHARD_COUNT must be "auto" (Discord\'s recommendation) or a number of shards such as 2; got "many".',
    ],
    [{ SHARD_COUNT: "0" }, "SHARD_COUNT must be at least 1."],
    [{ PORT: "80800" }, 'PORT must be a port number (1–65535); got "80800".'],
    [
      { QUIZ_SECONDS: "90" },
      `QUIZ_SECONDS must be between 5 and 60 (a quiz must end within Discord's 15 minutes); got "90".`,
    ],
    [
      { METRICS_PORT: "http" },
      'METRICS_PORT must be a port number (1–65535) for /metrics and /healthz; got "http".',
    ],
    [{ METRICS_PORT: "70000" }, 'METRICS_PORT must be at most 65535; got "70000".'],
    [
      { METRICS_HOST: "local host" },
      'METRICS_HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0; got "local host".',
    ],
  ])("%j fails with one sentence naming the variable", (env, sentence) => {
    expect(failure(env)).toBe(sentence);
  });

  it("reports every problem at once, one line each", () => {
    const message = failure({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: "loud", COOLDOWN_SECONDS: "soon" });
    expect(message.split("\n")).toEqual([
      "The configuration has 3 problems (in .env or the environment):",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud".',
      'COOLDOWN_SECONDS must be a whole number of seconds (0 turns the cooldown off); got "soon".',
      "DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set: copy the Application ID from the General Information page of the Discord Developer Portal.",
    ]);
  });

  it("checks only the variables a tool needs; others that are malformed count as unset", () => {
    const env = { DISCORD_TOKEN: "Bot x", DISCORD_CLIENT_ID: CLIENT_ID, LOG_LEVEL: "loud" };
    const config = loadConfig(env, ["DISCORD_CLIENT_ID"]);
    expect(config).toMatchObject({ discordClientId: CLIENT_ID, discordToken: undefined, logLevel: "info" });
    // A token without a client id matters only to a tool that needs both.
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }, ["DISCORD_TOKEN"]).discordToken).toBe(TOKEN);
    expect(() => loadConfig(env, ["DISCORD_CLIENT_ID", "LOG_LEVEL"])).toThrow(/^LOG_LEVEL must be/);
  });

  it("requireDiscordCredentials names what the bot still needs", () => {
    expect(() => requireDiscordCredentials(loadConfig({}))).toThrow(/^DISCORD_TOKEN is not set/);
    expect(
      requireDiscordCredentials(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID })),
    ).toEqual({
      token: TOKEN,
      clientId: CLIENT_ID,
    });
  });
});

describe(".env.example", () => {
  it("documents every variable, and is a valid configuration as it is", () => {
    const example = parse(readFileSync(join(PROJECT_ROOT, ".env.example"), "utf8"));
    expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(loadConfig(example).dataDir).toBe(join(PROJECT_ROOT, "data"));
  });
});

describe("the token is never printed", () => {
  it("not in any configuration error", () => {
    const secret = "s3cr3t";
    const envs: NodeJS.ProcessEnv[] = [
      { DISCORD_TOKEN: `Bot ${secret}.a.b`, DISCORD_CLIENT_ID: CLIENT_ID },
      { DISCORD_TOKEN: `${secret} with spaces`, DISCORD_CLIENT_ID: CLIENT_ID },
      { DISCORD_TOKEN: `${secret}.a.b` },
    ];
    for (const env of envs) expect(failure(env)).not.toContain(secret);
  });

  it("not in the logs, wherever the config or the token is logged", () => {
    let written = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const logger = createLogger("info", stream);
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID });
    logger.info({ config }, "starting");
    logger.info({ token: TOKEN }, "login");
    logger.info({ discordToken: config.discordToken }, "flat");
    logger.info({ request: { headers: { authorization: `Bot ${TOKEN}` } } }, "request");
    expect(written.split("\n").filter(Boolean)).toHaveLength(4);
    expect(written).toContain(CLIENT_ID);
    expect(written).not.toContain("s3cr3t");
  });
});
