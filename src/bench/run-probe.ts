import { fileURLToPath } from "node:url";
import { type ProbeRequest, type ProbeResult, probeResultSchema } from "./probe-protocol.ts";
import { runProcess, startScript } from "./run-process.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../build/bundle.mjs", import.meta.url));
/** The probe runs as `npm start` runs the bot: bundled, without the TypeScript loader, with its flags. */
const PROBE = fileURLToPath(new URL("../../dist/bench/probe.js", import.meta.url));

/** Built once per bench, when a source changed since the last build (as `npm start` builds). */
let built: Promise<void> | undefined;

function buildProbe(): Promise<void> {
  built ??= runProcess(process.execPath, [BUNDLE, "--if-stale"], { cwd: PROJECT_ROOT }).then(
    ({ code, stderr }) => {
      if (code !== 0) throw new Error(`bench: building the probe failed: ${stderr.trim()}`);
    },
  );
  return built;
}

/** Measures in a new Node process and returns its report; rejects with the child's stderr if it fails. */
export async function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  await buildProbe();
  const start = startScript();
  const { code, stdout, stderr } = await runProcess(
    process.execPath,
    [...start.flags, PROBE, JSON.stringify(request)],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...start.env } },
  );
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || lastLine === "") {
    throw new Error(
      `bench probe (${request.engine}, ${request.scale}×) exited with ${code}: ${stderr.trim()}`,
    );
  }
  return probeResultSchema.parse(JSON.parse(lastLine));
}
