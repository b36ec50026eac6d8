import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { loadConfig } from "../../src/config.ts";
import { MISSING_PUBLIC_KEY } from "../../src/http/serve-http.ts";
import { captureIo } from "./capture-io.ts";
import { shippedContext } from "./shipped-context.ts";

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const capture = captureIo();
  const context = () => ({ ...shippedContext(), config: loadConfig(env) });
  const code = await runCli(["serve-http", ...args], capture.io, { context });
  return { code, stderr: capture.stderr() };
}

describe("dossier serve-http", () => {
  it("says in one sentence where to find the public key when it is missing, before opening anything", async () => {
    expect(await run([], { DATA_DIR: "/nonexistent/never-created" })).toEqual({
      code: 1,
      stderr: MISSING_PUBLIC_KEY,
    });
  });

  it("refuses a port that is not one", async () => {
    const { code, stderr } = await run(["--port", "http"], { DISCORD_PUBLIC_KEY: "ab".repeat(32) });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^--port must be a port number \(1–65535\); got "http"\.\nUsage: dossier serve-http \[--port N\]$/,
    );
  });
});
