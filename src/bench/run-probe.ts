import { fileURLToPath } from "node:url";
import { type ProbeRequest, type ProbeResult, probeResultSchema } from "./probe-protocol.ts";
import { runProcess, TSX_LOADER } from "./run-process.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROBE = fileURLToPath(new URL("./probe.ts", import.meta.url));

/** Measures in a new Node process and returns its report; rejects with the child's stderr if it fails. */
export async function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  const { code, stdout, stderr } = await runProcess(
    process.execPath,
    ["--import", TSX_LOADER, "--expose-gc", PROBE, JSON.stringify(request)],
    { cwd: PROJECT_ROOT },
  );
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || lastLine === "") {
    throw new Error(
      `bench probe (${request.engine}, ${request.scale}×) exited with ${code}: ${stderr.trim()}`,
    );
  }
  return probeResultSchema.parse(JSON.parse(lastLine));
}
