import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { childEnv, PROJECT_ROOT, runProcess, TSX_LOADER } from "../cli/run-process.ts";

const SECRET = "s3cr3tvalue";

describe("npm start reads its .env and fails fast on a bad value", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dossier-env-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("names the variable in one sentence, exits 1, and never prints the token", async () => {
    // The project's .env is read wherever the process starts; DOSSIER_ENV_FILE names another one,
    // which lets this test leave the checkout's own .env alone.
    const envFile = join(dir, "dossier.env");
    writeFileSync(envFile, `DISCORD_TOKEN=Bot ${SECRET}.part.two\nDISCORD_CLIENT_ID=112345678901234567\n`);
    const env = childEnv({ DOSSIER_ENV_FILE: envFile });
    delete env.DISCORD_TOKEN; // let the .env file provide it
    const { code, stdout, stderr } = await runProcess(
      process.execPath,
      ["--import", TSX_LOADER, `${PROJECT_ROOT}src/main.ts`],
      {
        cwd: dir,
        env,
      },
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('DISCORD_TOKEN must be the token alone, without the "Bot " prefix.');
    expect(stdout + stderr).not.toContain(SECRET);
  });
});
