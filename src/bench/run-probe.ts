import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ProbeRequest, type ProbeResult, probeResultSchema } from "./probe-protocol.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROBE = fileURLToPath(new URL("./probe.ts", import.meta.url));
/** tsx's loader by absolute URL, so the child finds it whatever its working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** Measures in a new Node process and returns its report; rejects with the child's stderr if it fails. */
export function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", TSX_LOADER, "--expose-gc", PROBE, JSON.stringify(request)],
      {
        cwd: PROJECT_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const lastLine = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || lastLine === "") {
        reject(
          new Error(
            `bench probe (${request.engine}, ${request.scale}×) exited with ${code}: ${stderr.trim()}`,
          ),
        );
        return;
      }
      resolve(probeResultSchema.parse(JSON.parse(lastLine)));
    });
  });
}
