import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { type FakeDiscord, slashCommand, startFakeDiscord } from "../fake-discord/index.ts";
import { BOT_TOKEN, sent } from "./bot-harness.ts";

/**
 * The bot as `npm start` runs it, whose log reader goes away: `npm start | tee bot.log` with tee
 * ended, a log shipper that crashed. Each log line then fails to write. Left unhandled, that failure
 * was an uncaught exception whose own log line failed the same way, round and round: the bot
 * stopped answering and ignored SIGTERM (a test that failed once left one running for an hour).
 */
describe("the bot's log reader goes away", () => {
  let fake: FakeDiscord;
  let dataDir: string;
  let bot: ChildProcess;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
    dataDir = mkdtempSync(join(tmpdir(), "dossier-log-reader-"));
    const build = await runProcess("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT });
    expect(build.stderr).toBe("");
    bot = spawn(process.execPath, ["dist/main.js"], {
      cwd: PROJECT_ROOT,
      env: childEnv({
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiBase,
        DATA_DIR: dataDir,
        // Every answer and the shutdown log a line.
        LOG_LEVEL: "info",
      }),
      stdio: ["ignore", "ignore", "pipe"],
    });
    const lines = createInterface({ input: bot.stderr ?? process.stdin });
    await new Promise<void>((resolve) =>
      lines.on("line", (line) => {
        if (line.includes('"msg":"Dossier is online"')) resolve();
      }),
    );
    // The reader goes: the bot's next log line finds the pipe closed.
    lines.close();
    bot.stderr?.destroy();
  });

  afterAll(async () => {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps answering without its logs, then shuts down cleanly on SIGTERM", async () => {
    const exited = once(bot, "exit");
    // Each answer logs a line; the first of them meets the closed pipe.
    for (const seed of [slashCommand("ask", { question: "why now" }), slashCommand("source")]) {
      const { id } = fake.injectInteraction(seed);
      const callback = await fake.waitForCallback(id, { timeoutMs: 20_000 });
      expect(sent(callback).embeds.length).toBeGreaterThan(0);
    }
    bot.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
