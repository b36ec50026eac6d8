import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";
import { BOT_TOKEN } from "./bot-harness.ts";

/**
 * The bot as `npm start` runs it (bundled, in its own process, with a store in a fresh DATA_DIR),
 * against the fake Discord.
 */
export interface BundledBot {
  fake: FakeDiscord;
  bot: ChildProcess;
  /** Kills the bot if it still runs, closes the fake Discord and removes the data folder. */
  close(): Promise<void>;
}

export async function startBundledBot(env: NodeJS.ProcessEnv = {}): Promise<BundledBot> {
  const fake = await startFakeDiscord({ token: BOT_TOKEN });
  const dataDir = mkdtempSync(join(tmpdir(), "dossier-bundled-"));
  const build = await runProcess("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT });
  expect(build.stderr).toBe("");
  const bot = spawn(process.execPath, ["dist/main.js"], {
    cwd: PROJECT_ROOT,
    env: childEnv({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiBase,
      DATA_DIR: dataDir,
      ...env,
    }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  return {
    fake,
    bot,
    async close() {
      if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
