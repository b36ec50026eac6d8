import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readEvaluationFile } from "../../src/eval/questions-file.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";
import { type DossierProcess, startDossierProcess } from "../http/dossier-process.ts";
import { runInteractionLoad } from "../http/interaction-load.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../http/round-robin-proxy.ts";
import { createTestDatabase } from "../store/fixtures/test-store.ts";
import { rowsOf } from "./postgres-helpers.ts";

/** Small enough for CI on two cores; `npm run bench` sends 2,000 at 200 per second and reports latency. */
const LOAD = { total: 400, perSecond: 200 };
const QUESTIONS = readEvaluationFile(new URL("../eval/dev.json", import.meta.url).pathname).map(
  (q) => q.question,
);

describe("two serve-http processes on one Postgres, behind a round-robin proxy", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(): Promise<{
    fake: FakeDiscord;
    replicas: DossierProcess[];
    proxy: RoundRobinProxy;
    databaseUrl: string;
  }> {
    const databaseUrl = await createTestDatabase();
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const dataDir = mkdtempSync(join(tmpdir(), "dossier-load-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      DISCORD_PUBLIC_KEY: fake.publicKey,
      DISCORD_API_URL: fake.apiBase,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      COOLDOWN_SECONDS: "0",
    };
    const replicas = await Promise.all([
      startDossierProcess("serve-http", env),
      startDossierProcess("serve-http", env),
    ]);
    for (const replica of replicas) cleanups.push(() => replica.kill());
    const proxy = await startRoundRobinProxy(replicas.map((replica) => replica.url));
    cleanups.push(() => proxy.close());
    await fake.useInteractionsEndpoint(`${proxy.url}/interactions`);
    return { fake, replicas, proxy, databaseUrl };
  }

  it(`answer ${LOAD.total} signed interactions at ${LOAD.perSecond}/s: none lost, none twice, no forgery accepted`, async () => {
    const { fake, proxy, databaseUrl, replicas } = await start();
    // Each says when its answers are warm: from then on its /healthz tells a load balancer to send it work.
    for (const replica of replicas) {
      await replica.waitForLog("answers warmed up");
      const health = await fetch(`${replica.url}/healthz`);
      expect({ status: health.status, body: await health.json() }).toEqual({
        status: 200,
        body: { status: "ok" },
      });
    }
    const result = await runInteractionLoad(fake, proxy, { ...LOAD, questions: QUESTIONS });

    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.forgeryStatuses.length).toBeGreaterThan(0);
    expect(new Set(result.forgeryStatuses)).toEqual(new Set([401]));
    // Both replicas took their share, and clicks were served by the replica that had not answered.
    expect(new Set(result.latencies.map((latency) => latency.replica))).toEqual(new Set([0, 1]));
    expect(result.crossedOver).toBeGreaterThan(0);
    const votes = fake.requests.filter((request) =>
      JSON.stringify(request.body).includes("Thanks — noted."),
    ).length;
    expect(await rowsOf(databaseUrl, "SELECT COUNT(*)::int AS n FROM feedback")).toEqual([{ n: votes }]);

    // SIGTERM, as a service manager stops a replica: it says so and exits cleanly.
    for (const replica of replicas) {
      await replica.stop();
      expect(replica.child.exitCode).toBe(0);
      expect(replica.logs.map((line) => line.msg)).toContain("Dossier is offline");
    }
  });
});
