import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { BOT_TOKEN } from "../e2e/bot-harness.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";

/** What an admin sees when `npm start` cannot start the bot: one sentence, no stack, exit code 1. */
describe("npm start with a token", () => {
  let fake: FakeDiscord;
  let scratch: string;

  beforeEach(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
    scratch = mkdtempSync(join(tmpdir(), "dossier-start-"));
  });
  afterEach(async () => {
    await fake.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  function env(overrides: NodeJS.ProcessEnv) {
    return childEnv({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiBase,
      DATA_DIR: join(scratch, "data"),
      ...overrides,
    });
  }

  it("names a DATA_DIR it cannot use, before connecting to Discord", async () => {
    const notAFolder = join(scratch, "a-file");
    writeFileSync(notAFolder, "");
    const { code, stderr } = await runProcess("npm", ["start", "--silent"], {
      cwd: PROJECT_ROOT,
      env: env({ DATA_DIR: notAFolder }),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(notAFolder);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fake.requests).toHaveLength(0);
  });

  it("says plainly that Discord refused the token, and never prints it", async () => {
    const wrongToken = "MTE5ODc2NTQzMjEwOTg3NjU0.wrong0.not-the-bot-token";
    const { code, stderr, stdout } = await runProcess("npm", ["start", "--silent"], {
      cwd: PROJECT_ROOT,
      env: env({ DISCORD_TOKEN: wrongToken }),
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "Discord refused DISCORD_TOKEN: copy the bot's token again (Developer Portal › Bot › Reset Token) into .env, then run npm start again.",
    );
    expect(`${stdout}${stderr}`).not.toContain(wrongToken);
  });
});
