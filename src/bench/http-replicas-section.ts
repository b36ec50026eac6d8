import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { startFakeDiscord } from "../../tests/fake-discord/index.ts";
import { type DossierProcess, startDossierProcess } from "../../tests/http/dossier-process.ts";
import { type LoadResult, runInteractionLoad } from "../../tests/http/interaction-load.ts";
import { startRoundRobinProxy } from "../../tests/http/round-robin-proxy.ts";
import {
  createDatabase,
  type PostgresCluster,
  startPostgresCluster,
} from "../../tests/postgres/postgres-cluster.ts";
import { createDossier } from "../answer/create-dossier.ts";
import { readEvaluationFile } from "../eval/questions-file.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import { followSharedEntries } from "../moderation/follow-shared-entries.ts";
import { openPostgresQaStore } from "../store/postgres/open-store.ts";
import type { BenchOptions, BenchRow, BenchSection, BenchTable } from "./bench-section.ts";
import { formatMs, percentile } from "./stats.ts";

/** Any well-formed token: the fake accepts only this one, and it never leaves the loopback interface. */
const BENCH_TOKEN = "MTE5ODc2NTQzMjEwOTg3NjU0.bench0.http-replicas";
/**
 * Each mode is measured once its answers are warm, as the Discord end-to-end section measures the
 * bot: a replica's /healthz reads 503 until then, and a cold one given 100 interactions a second
 * from its first moment answered them 1–1.5 s late for its first five seconds.
 */
const WARMED_UP = "answers warmed up";
/** An entry saved on one replica must be answered by every other within this. */
const PROPAGATION_TARGET_MS = 2_000;

/**
 * The scaled-out shape against gateway mode on the same machine: two `dossier serve-http` processes
 * sharing one Postgres behind a round-robin proxy, then one gateway bot process, each given the same
 * signed load through the fake Discord (mostly /ask, with pages and votes pressed on the replica that
 * did not answer). Also how soon an entry saved on one replica is answered by another.
 */
export const httpReplicasSection: BenchSection = {
  id: "http-replicas",
  async run(options) {
    const load = options.quick ? { total: 100, perSecond: 50 } : { total: 2_000, perSecond: 200 };
    const questions = readEvaluationFile(options.questionsFile).map((q) => q.question);
    options.progress("HTTP replicas: starting Postgres");
    const cluster = await startPostgresCluster();
    try {
      options.progress(`HTTP replicas: two replicas, ${load.total} interactions at ${load.perSecond}/s`);
      const http = await runHttp(cluster, { ...load, questions });
      options.progress(`HTTP replicas: gateway mode, ${load.total} interactions at ${load.perSecond}/s`);
      const gateway = await runGateway({ ...load, questions });
      options.progress("HTTP replicas: an entry from one replica to the other");
      const propagation = await propagationDelays(cluster, options, options.quick ? 5 : 30);
      return tableOf(load, http, gateway, propagation);
    } finally {
      cluster.destroy();
    }
  },
};

async function withDataDir<T>(run: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "dossier-bench-"));
  try {
    return await run(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runHttp(cluster: PostgresCluster, plan: Parameters<typeof runInteractionLoad>[2]) {
  const databaseUrl = await createDatabase(cluster.adminUrl);
  const fake = await startFakeDiscord();
  const replicas: DossierProcess[] = [];
  try {
    return await withDataDir(async (dataDir) => {
      const env = {
        DISCORD_PUBLIC_KEY: fake.publicKey,
        DISCORD_API_URL: fake.apiBase,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        COOLDOWN_SECONDS: "0",
      };
      replicas.push(
        ...(await Promise.all([
          startDossierProcess("serve-http", env),
          startDossierProcess("serve-http", env),
        ])),
      );
      // As a load balancer's health check would: a replica takes load once /healthz reads ok.
      await Promise.all(replicas.map((replica) => replica.waitForLog(WARMED_UP)));
      const proxy = await startRoundRobinProxy(replicas.map((replica) => replica.url));
      try {
        await fake.useInteractionsEndpoint(`${proxy.url}/interactions`);
        return await runInteractionLoad(fake, proxy, plan);
      } finally {
        await proxy.close();
      }
    });
  } finally {
    for (const replica of replicas) await replica.stop();
    await fake.close();
  }
}

async function runGateway(plan: Parameters<typeof runInteractionLoad>[2]) {
  const fake = await startFakeDiscord({ token: BENCH_TOKEN });
  try {
    return await withDataDir(async (dataDir) => {
      const bot = await startDossierProcess("gateway", {
        DISCORD_TOKEN: BENCH_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiBase,
        DATA_DIR: dataDir,
        COOLDOWN_SECONDS: "0",
      });
      try {
        await bot.waitForLog(WARMED_UP);
        return await runInteractionLoad(fake, undefined, plan);
      } finally {
        await bot.stop();
      }
    });
  } finally {
    await fake.close();
  }
}

/** Saves entries through one store and times how long until another replica's index holds each. */
async function propagationDelays(cluster: PostgresCluster, options: BenchOptions, count: number) {
  const url = await createDatabase(cluster.adminUrl);
  const corpus = loadCorpus(options.knowledgeDir);
  const writer = await openPostgresQaStore({ url, corpus });
  const reader = await openPostgresQaStore({ url, corpus });
  const dossier = createDossier(corpus);
  let heard: ((id: string) => void) | undefined;
  await followSharedEntries(
    reader,
    {
      upsertGuildQa: (guildId, entry) => {
        dossier.upsertGuildQa(guildId, entry);
        heard?.(entry.id);
      },
      removeGuildQa: (guildId, id) => dossier.removeGuildQa(guildId, id),
    },
    pino({ level: "silent" }),
  );
  const delays: number[] = [];
  try {
    for (let n = 1; n <= count; n++) {
      const started = performance.now();
      const arrived = new Promise<string>((resolve) => (heard = resolve));
      const entry = await writer.add(
        "bench-guild",
        {
          question: `Which bench question number ${n} is this?`,
          alternatives: [],
          answer: `It is bench question number ${n}.`,
          citations: [
            {
              article: "fp-mackinnon",
              paragraph: 8,
              excerpt: "In 2008, at the NATO summit in Bucharest, Romania",
            },
          ],
        },
        "bench",
      );
      while ((await arrived) !== entry.id) {
        // Another entry's notice: wait for this one's.
      }
      delays.push(performance.now() - started);
    }
    return delays;
  } finally {
    await writer.close();
    await reader.close();
  }
}

function tableOf(
  load: { total: number; perSecond: number },
  http: LoadResult,
  gateway: LoadResult,
  propagation: number[],
): BenchTable {
  const ms = (result: LoadResult, replica?: number) =>
    result.latencies
      .filter((latency) => replica === undefined || latency.replica === replica)
      .map((l) => l.ms);
  const perReplica = [0, 1].flatMap((replica): BenchRow[] => [
    {
      measure: `HTTP replica ${replica + 1}: send → reply p50`,
      ours: formatMs(percentile(ms(http, replica), 50)),
    },
    {
      measure: `HTTP replica ${replica + 1}: send → reply p99`,
      ours: formatMs(percentile(ms(http, replica), 99)),
    },
    { measure: `HTTP replica ${replica + 1}: interactions answered`, ours: String(ms(http, replica).length) },
  ]);
  const throughput = (result: LoadResult) =>
    `${(result.latencies.length / (result.elapsedMs / 1000)).toFixed(0)}/s`;
  const slowest = Math.max(...propagation);
  return {
    title: "HTTP replicas — two serve-http on one Postgres, beside gateway mode",
    rows: [
      ...perReplica,
      { measure: "HTTP: throughput", ours: throughput(http) },
      {
        measure: "HTTP: lost / twice / forgeries accepted",
        ours: `${http.lost.length} / ${http.duplicated.length} / ${http.forgeriesAccepted} of ${http.forgeryStatuses.length}`,
        target: {
          label: "0 / 0 / 0",
          met: http.lost.length + http.duplicated.length + http.forgeriesAccepted === 0,
        },
      },
      { measure: "HTTP: clicks on the other replica", ours: String(http.crossedOver) },
      { measure: "gateway: send → reply p50", ours: formatMs(percentile(ms(gateway), 50)) },
      { measure: "gateway: send → reply p99", ours: formatMs(percentile(ms(gateway), 99)) },
      { measure: "gateway: throughput", ours: throughput(gateway) },
      { measure: "gateway: lost / twice", ours: `${gateway.lost.length} / ${gateway.duplicated.length}` },
      { measure: "entry saved → other replica's index p50", ours: formatMs(percentile(propagation, 50)) },
      {
        measure: "entry saved → other replica's index max",
        ours: formatMs(slowest),
        target: { label: `≤ ${PROPAGATION_TARGET_MS} ms`, met: slowest <= PROPAGATION_TARGET_MS },
      },
    ],
    notes: [
      `${load.total} interactions at ${load.perSecond}/s over loopback, each mode in its own processes: 7 in 10 /ask (evaluation questions in turn), 1 "More", 1 vote, 1 autocomplete.`,
      "HTTP: signed POSTs through a round-robin proxy that sends every click to the replica that did not write the button; a forged request beside every tenth.",
      "Each mode takes load once its answers are warmed up (a replica's /healthz reads ok from then on).",
      "Latency runs from the fake Discord's send to the callback it accepts (the HTTP response, or the gateway bot's callback request), read at the next send: up to one interval late.",
      "Propagation: from the commit on one replica's store to the other replica's answer index (LISTEN/NOTIFY).",
      "The fake Discord, the proxy and the load run in the benchmark's own process, on the same cores as the replicas and Postgres: on a small machine they, not the replicas, set the ceiling, and Discord's 3 s limit applies to the reply as sent.",
    ],
  };
}
