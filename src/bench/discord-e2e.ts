import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type FakeDiscord, slashCommand, startFakeDiscord } from "../../tests/fake-discord/index.ts";
import { loadConfig } from "../config.ts";
import { deployCommands } from "../deploy/deploy-commands.ts";
import { readEvaluationFile } from "../eval/questions-file.ts";
import type { BenchSection, BenchTable } from "./bench-section.ts";
import { type ChildMessage, childMessageSchema, type ParentMessage } from "./discord-bench-protocol.ts";
import { startScript } from "./run-process.ts";
import { formatMb, formatMs, percentile } from "./stats.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The bot runs as `npm start` runs it: bundled by `npm run build`, without the TypeScript loader, with
 * the Node flags and allocator setting of package.json's start script.
 */
const BOT_PROCESS = fileURLToPath(new URL("../../dist/bench/discord-bot-process.js", import.meta.url));

/** Any well-formed token: the fake accepts only this one, and it never leaves the loopback interface. */
const BENCH_TOKEN = "MTE5ODc2NTQzMjEwOTg3NjU0.bench0.discord-end-to-end";
/**
 * Our targets, far inside Discord's own 3 s deadline: an answer should feel instant, and one process
 * should fit a small host.
 */
const P99_TARGET_MS = 50;
const RSS_TARGET_MB = 150;

interface Load {
  perSecond: number;
  seconds: number;
}

/**
 * End-to-end latency of /ask through a fake Discord on loopback: from the INTERACTION_CREATE the fake
 * sends over the gateway to the callback it receives over HTTP, at a steady rate, with the bot in its
 * own process started as an admin starts it (deploy-commands, then the bot with DISCORD_API_URL).
 */
export const discordE2eSection: BenchSection = {
  id: "discord-e2e",
  async run(options) {
    const load: Load = options.quick ? { perSecond: 20, seconds: 1 } : { perSecond: 200, seconds: 20 };
    const questions = readEvaluationFile(options.questionsFile).map((q) => q.question);
    const fake = await startFakeDiscord({ token: BENCH_TOKEN });
    const dataDir = mkdtempSync(join(tmpdir(), "dossier-bench-"));
    let bot: ChildProcess | undefined;
    try {
      const env = {
        DISCORD_TOKEN: BENCH_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.apiBase,
        COOLDOWN_SECONDS: "0",
        LOG_LEVEL: "silent",
        DATA_DIR: dataDir,
      };
      await deployCommands(loadConfig(env), { io: { out: () => {}, err: () => {} } });
      options.progress("Discord end to end: building and starting the bot");
      execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "inherit" });
      const start = startScript();
      bot = spawn(process.execPath, [...start.flags, BOT_PROCESS, options.knowledgeDir], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...start.env, ...env },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      let stderr = "";
      bot.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      const failed = () => stderr.trim();
      await nextMessage(bot, "ready", failed);
      options.progress(`Discord end to end: ${load.perSecond}/s for ${load.seconds} s`);
      const latencies = await injectSteadily(fake, questions, load);
      tell(bot, { type: "report" });
      const rss = await nextMessage(bot, "rss", failed);
      tell(bot, { type: "stop" });
      await exited(bot);
      return rss.type === "rss" ? tableOf(load, latencies, rss) : tableOf(load, latencies);
    } finally {
      if (bot !== undefined && bot.exitCode === null) bot.kill();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/**
 * Injects at fixed times (not "after the previous answer"), so a slow answer cannot slow the load down.
 * The latency of each answered interaction; one unanswered within 10 s is left out, and counted.
 */
async function injectSteadily(fake: FakeDiscord, questions: string[], load: Load): Promise<number[]> {
  const total = load.perSecond * load.seconds;
  const intervalMs = 1000 / load.perSecond;
  const started = performance.now();
  const answered: Array<Promise<number>> = [];
  for (let i = 0; i < total; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    const since = fake.requests.length;
    const sentAt = performance.now();
    const { id } = fake.injectInteraction(
      slashCommand("ask", { question: questions[i % questions.length] ?? "why?" }),
    );
    answered.push(
      fake.waitForCallback(id, { since, timeoutMs: 10_000 }).then(
        () => performance.now() - sentAt,
        () => Number.NaN,
      ),
    );
  }
  return (await Promise.all(answered)).filter((ms) => !Number.isNaN(ms));
}

function nextMessage(
  child: ChildProcess,
  type: ChildMessage["type"],
  stderr: () => string,
): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`bench: the bot exited with ${code}: ${stderr()}`));
    const onMessage = (raw: unknown) => {
      const message = childMessageSchema.parse(raw);
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

function tell(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode === null
    ? new Promise((resolve) => child.once("exit", () => resolve()))
    : Promise.resolve();
}

function tableOf(
  load: Load,
  latencies: number[],
  rss = { bytes: Number.NaN, peakBytes: Number.NaN },
): BenchTable {
  const p99 = percentile(latencies, 99);
  return {
    title: "Discord end to end — /ask through the fake Discord",
    rows: [
      { measure: "inject → reply p50", ours: formatMs(percentile(latencies, 50)) },
      {
        measure: "inject → reply p99",
        ours: formatMs(p99),
        target: { label: `≤ ${P99_TARGET_MS} ms`, met: p99 <= P99_TARGET_MS },
      },
      { measure: "inject → reply max", ours: formatMs(Math.max(...latencies)) },
      { measure: "interactions answered", ours: `${latencies.length} of ${load.perSecond * load.seconds}` },
      {
        measure: "bot RSS peak during the run",
        ours: formatMb(rss.peakBytes),
        target: { label: `≤ ${RSS_TARGET_MB} MB`, met: rss.peakBytes <= RSS_TARGET_MB * 1024 * 1024 },
      },
      { measure: "bot RSS after the run", ours: formatMb(rss.bytes) },
    ],
    notes: [
      `${load.perSecond} interactions/s for ${load.seconds} s over loopback, questions from the evaluation set in turn.`,
      "Latency runs from the gateway dispatch to the callback's arrival; the bot runs in its own process,",
      "with a store in a fresh DATA_DIR as `npm start` has: each /ask is logged and gets feedback buttons.",
      "Discord itself drops an interaction not answered within 3 s.",
    ],
  };
}
