import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { childEnv, PROJECT_ROOT, TSX_LOADER } from "./run-process.ts";

/**
 * Runs an entry point whose output's reader closes: after the first chunk (`| head -1`), or before
 * any (`| true`).
 */
async function readFirstThenClose(entry: string, args: string[], input?: string, readNothing = false) {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, `${PROJECT_ROOT}${entry}`, ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, "exit");
  child.stdin.end(input ?? "");
  if (!readNothing) await once(child.stdout, "data");
  child.stdout.destroy();
  const [code] = await exited;
  return { code, stderr };
}

describe("output piped into a reader that stops early (| head)", () => {
  it("ends the command line quietly", async () => {
    // Its answer is written at once, after the reader has gone.
    const { code, stderr } = await readFirstThenClose("src/cli.ts", ["timeline"], undefined, true);
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(0);
  });

  it("ends the offline console quietly", async () => {
    const { code, stderr } = await readFirstThenClose(
      "src/main.ts",
      [],
      "ask why now\nask what does russia want\ntimeline\nquit\n",
    );
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(0);
  });
});
