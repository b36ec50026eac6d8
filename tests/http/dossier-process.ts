import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { TSX_LOADER } from "../../src/bench/run-process.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** One JSON log line of the child. */
export interface ChildLogLine {
  msg: string;
  [field: string]: unknown;
}

/** Dossier in a process of its own, started as an admin starts it. */
export interface DossierProcess {
  child: ChildProcess;
  /** serve-http: `http://127.0.0.1:PORT`, where it listens. */
  url: string;
  logs: ChildLogLine[];
  /** Resolves with the first log line (already written or to come) whose message is `msg`. */
  waitForLog(msg: string): Promise<ChildLogLine>;
  /** SIGTERM: a clean stop; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: the machine under it gone; resolves once the process has exited. */
  kill(): Promise<void>;
}

const READY = {
  "serve-http": "Dossier is answering interactions over HTTP",
  gateway: "Dossier is online",
} as const;

/**
 * `dossier serve-http --port 0` (a replica) or `npm start` with a token (the gateway bot), through
 * tsx from the sources, with `env` as its whole configuration. Resolves once it logs that it is
 * ready; rejects with its output if it exits before.
 */
export function startDossierProcess(
  kind: keyof typeof READY,
  env: Record<string, string>,
): Promise<DossierProcess> {
  const entry = kind === "serve-http" ? ["src/cli.ts", "serve-http", "--port", "0"] : ["src/main.ts"];
  const child = spawn(process.execPath, ["--import", TSX_LOADER, ...entry], {
    cwd: PROJECT_ROOT,
    // Only what the caller gives: no developer's .env value reaches it (dotenv never overrides). At
    // least info, since readiness is a log line.
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", DISCORD_TOKEN: "", ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: ChildLogLine[] = [];
  const listeners = new Set<(line: ChildLogLine) => void>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr ?? process.stdin });
    lines.on("line", (line) => {
      stderr += `${line}\n`;
      const parsed = parseLine(line);
      if (parsed === undefined) return;
      logs.push(parsed);
      for (const listener of listeners) listener(parsed);
      if (parsed.msg !== READY[kind]) return;
      const url = typeof parsed.url === "string" ? parsed.url.replace(/\/interactions$/, "") : "";
      resolve({
        child,
        url,
        logs,
        waitForLog(msg) {
          const found = logs.find((line) => line.msg === msg);
          if (found !== undefined) return Promise.resolve(found);
          return new Promise((resolveLine, rejectLine) => {
            const listener = (line: ChildLogLine) => {
              if (line.msg !== msg) return;
              listeners.delete(listener);
              resolveLine(line);
            };
            listeners.add(listener);
            void exited.then(() => rejectLine(new Error(`dossier ${kind} exited before logging "${msg}"`)));
          });
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`dossier ${kind} exited before it was ready:\n${stderr}`)));
  });
}

function parseLine(line: string): ChildLogLine | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === "object" && parsed !== null && "msg" in parsed && typeof parsed.msg === "string"
      ? { ...parsed, msg: parsed.msg }
      : undefined;
  } catch {
    return undefined;
  }
}
