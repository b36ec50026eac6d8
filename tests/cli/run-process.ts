import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion with `input` piped to its stdin; resolves when it exits, never on a timer. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** The environment of a child run: ours without Discord settings, and no colours so output is plain. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LOG_LEVEL: "warn" };
  for (const name of Object.keys(env)) if (name.startsWith("DISCORD_")) delete env[name];
  // Set but empty means "not set" to the configuration, and keeps a developer's own .env token out,
  // since dotenv never overrides a variable that exists.
  env.DISCORD_TOKEN = "";
  return { ...env, ...extra };
}

export const PROJECT_ROOT = new URL("../../", import.meta.url).pathname;

/** For `node --import <this>`: tsx's loader by absolute URL, so a child may run from any directory. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
