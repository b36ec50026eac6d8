import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { z } from "zod";

/**
 * How package.json's start script runs the bot: its environment settings (glibc's allocator) and Node
 * flags (--expose-gc and the heap's sizes), so that what the bench measures runs as the bot does. The
 * young generation's size alone changes how long start-up takes by a seventh.
 */
export function startScript(): { env: Record<string, string>; flags: string[] } {
  const packageJson = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")));
  const [, settings = "", flags = ""] =
    /((?:\s*\w+=\S+)*)\s+node((?:\s+--\S+)*)\s+dist\/main\.js/.exec(packageJson.scripts.start) ?? [];
  const env = Object.fromEntries(
    settings
      .trim()
      .split(/\s+/)
      .filter((setting) => setting !== "")
      .map((setting) => setting.split("=", 2) as [string, string]),
  );
  return { env, flags: flags.split(/\s+/).filter((flag) => flag !== "") };
}

/** For `node --import <this>`: tsx's loader by absolute URL, so a child may run from any directory. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion with `input` (or nothing) on its stdin; resolves when it exits, never on
 * a timer. Without `env` the child inherits ours.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
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
    // A child that exits without reading its input (cp, a health check) is no failure of ours.
    child.stdin.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") reject(error);
    });
    child.stdin.end(options.input ?? "");
  });
}
