import { createServer } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { captureIo } from "../cli/capture-io.ts";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { type FakeDiscord, type FaultSpec, startFakeDiscord } from "../fake-discord/index.ts";
import { BOT_TOKEN } from "./bot-harness.ts";

/**
 * Every deploy failure an admin can cause, through the fake Discord: one sentence saying what to do,
 * exit code 1, and nothing else on stderr at the default log level (the details are for debug).
 */
describe("deploy-commands when Discord says no", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiBase,
    ...extra,
  });

  async function deploy(environment: NodeJS.ProcessEnv, args: string[] = [], logLevel = "info") {
    const capture = captureIo();
    let logged = "";
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    const code = await runCli(["deploy-commands", ...args], capture.io, {
      env: { ...environment, LOG_LEVEL: logLevel },
      logStream,
    });
    return { code, stdout: capture.stdout(), stderr: capture.stderr(), logged };
  }

  function failNextCommandsRequest(fault: FaultSpec) {
    fake.failNext((request) => request.path.endsWith("/commands"), fault);
  }

  /** What an admin must see: one line, no stack, no token, exit code 1. */
  function expectOneSentence(result: Awaited<ReturnType<typeof deploy>>) {
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^[A-Z].*\.$/);
    expect(result.stderr).not.toMatch(/\bat .*:\d+|DiscordAPIError|Error\b/);
    expect(result.logged).toBe("");
    expect(result.stderr + result.stdout).not.toContain(BOT_TOKEN);
  }

  it("a refused token (401)", async () => {
    const result = await deploy(env({ DISCORD_TOKEN: "MTE5ODc2NTQzMjEwOTg3NjU0.wrong0.not-the-bot-token" }));
    expectOneSentence(result);
    expect(result.stderr).toBe(
      "Discord refused DISCORD_TOKEN: copy the bot's token again (Developer Portal › Bot › Reset Token) into .env, then run dossier deploy-commands again.",
    );
  });

  it("a 401 the fake is told to answer", async () => {
    failNextCommandsRequest({ status: 401 });
    const result = await deploy(env());
    expectOneSentence(result);
    expect(result.stderr).toMatch(/^Discord refused DISCORD_TOKEN/);
    expect(fake.pendingFaults).toBe(0);
  });

  it("missing access (50001) to a server the bot was not invited to", async () => {
    const otherServer = "123456789012345678";
    const result = await deploy(env(), ["--guild", otherServer]);
    expectOneSentence(result);
    expect(result.stderr).toBe(
      `The bot may not manage commands on server ${otherServer}: invite it there with the link that \`dossier invite\` prints (it asks for the applications.commands scope), then run dossier deploy-commands again.`,
    );
  });

  it("missing access (50001) when told to, on the configured server", async () => {
    failNextCommandsRequest({ status: 403 });
    const result = await deploy(env());
    expectOneSentence(result);
    expect(result.stderr).toContain(`server ${fake.guildId}: invite it there`);
  });

  it("an unknown server (10004)", async () => {
    failNextCommandsRequest({ status: 404 });
    const result = await deploy(env());
    expectOneSentence(result);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Discord knows no server with the id ${fake.guildId}: copy the id again .* into DISCORD_GUILD_ID or --guild`,
      ),
    );
  });

  it("a long rate limit (429): how long to wait, instead of hanging", async () => {
    failNextCommandsRequest({ status: 429, retryAfterSeconds: 120 });
    const result = await deploy(env());
    expectOneSentence(result);
    expect(result.stderr).toBe(
      "Discord is rate-limiting this bot for about 2 minutes: wait that long, then run dossier deploy-commands again.",
    );
  });

  it("no network: nothing answers at the API address", async () => {
    const closedPort = await unusedPort();
    const apiUrl = `http://127.0.0.1:${closedPort}/api`;
    const result = await deploy(env({ DISCORD_API_URL: apiUrl }));
    expectOneSentence(result);
    expect(result.stderr).toBe(
      `Cannot reach Discord (ECONNREFUSED): check this machine's internet connection, DNS and proxy settings, and DISCORD_API_URL (${apiUrl}), then run dossier deploy-commands again.`,
    );
  });

  it("keeps what Discord said for the debug log", async () => {
    failNextCommandsRequest({ status: 404 });
    const result = await deploy(env(), [], "debug");
    expect(result.code).toBe(1);
    expect(result.logged).toContain("Unknown Guild");
    expect(result.logged).toContain("10004");
  });

  it("as a real process: the sentence alone on stderr", async () => {
    const { code, stderr } = await runProcess(
      process.execPath,
      [`${PROJECT_ROOT}bin/dossier.js`, "deploy-commands", "--guild", "123456789012345678"],
      { cwd: PROJECT_ROOT, env: childEnv(env({ LOG_LEVEL: "info" })) },
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^The bot may not manage commands on server 123456789012345678: .*\.$/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

/** A port nothing listens on: taken from the OS, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
