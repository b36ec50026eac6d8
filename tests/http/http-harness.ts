import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commands } from "../../commands/index.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/create-context.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import { type RunningHttpBot, serveHttp } from "../../src/http/serve-http.ts";
import type { Moderation } from "../../src/moderation/moderation.ts";
import { openModeration } from "../../src/ops/open-moderation.ts";
import { ManualTimer, TestClock } from "../bot/manual-clock.ts";
import {
  BOT_TOKEN,
  captureLogs,
  type LogLine,
  overridable,
  realCorpus,
  realDossier,
} from "../e2e/bot-harness.ts";
import {
  type CallbackBody,
  type FakeDiscord,
  type InteractionSeed,
  startFakeDiscord,
} from "../fake-discord/index.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "./round-robin-proxy.ts";

export interface HttpHarness {
  fake: FakeDiscord;
  replicas: RunningHttpBot[];
  /** In front of the replicas: where the fake sends interactions. */
  proxy: RoundRobinProxy;
  /** The replicas' clock, for cooldowns and answer expiry; signatures use real time. */
  clock: TestClock;
  /** Ends quiz rounds when a test fires it. */
  quizTimer: ManualTimer;
  logs: LogLine[];
  rawLog(): string;
  sabotage(overrides: Partial<Dossier>): void;
  /** Injects an interaction and resolves with the callback the endpoint's response carried. */
  send(seed: InteractionSeed): Promise<{ id: string; callback: CallbackBody }>;
  close(): Promise<void>;
}

export interface HttpHarnessOptions {
  replicas?: number;
  /** Postgres shared by the replicas; without it each replica has a SQLite folder of its own, or none. */
  databaseUrl?: string;
  withStore?: boolean;
  cooldownSeconds?: number;
  /** See HttpTransportOptions.deferAfterMs. */
  deferAfterMs?: number;
}

/**
 * `dossier serve-http` as an admin runs it, in process: configuration from environment variables,
 * deploy-commands, the store (Postgres at `databaseUrl`, else a temp folder), then one or more
 * replicas behind the round-robin proxy, whose URL is saved as the fake's Interactions Endpoint URL.
 */
export async function startHttpHarness(options: HttpHarnessOptions = {}): Promise<HttpHarness> {
  const fake = await startFakeDiscord({ token: BOT_TOKEN });
  const cleanups: Array<() => Promise<void> | void> = [() => fake.close()];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const env = {
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiBase,
      DISCORD_PUBLIC_KEY: fake.publicKey,
      COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
      LOG_LEVEL: "debug",
      ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    };
    await deployCommands(loadConfig(env), { io: { out: () => {}, err: () => {} } });
    const { logs, stream, rawLog } = captureLogs();
    const logger = createLogger("debug", stream);
    const overrides: Partial<Dossier> = {};
    const dossier = overridable(realDossier(), overrides);
    const clock = new TestClock();
    const quizTimer = new ManualTimer();
    const replicas: RunningHttpBot[] = [];
    for (let n = 0; n < (options.replicas ?? 1); n++) {
      const dataDir = mkdtempSync(join(tmpdir(), "dossier-http-"));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const config = loadConfig({ ...env, DATA_DIR: dataDir });
      const context = { config, corpus: realCorpus(), dossier, logger };
      let moderation: Moderation | undefined;
      if (options.withStore === true || options.databaseUrl !== undefined) {
        moderation = await openModeration(context);
        const store = moderation.store;
        cleanups.push(() => store.close());
      }
      const replica = await serveHttp(
        { ...context, ...(moderation === undefined ? {} : { moderation }), commands },
        {
          port: 0,
          clock,
          quizTimer,
          // Rounds left past their deadline are looked for when a quiz interaction arrives, which the
          // test decides, never on a timer of their own.
          quizSweepMs: 0,
          ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
        },
      );
      cleanups.push(() => replica.stop());
      replicas.push(replica);
    }
    const proxy = await startRoundRobinProxy(replicas.map((replica) => replica.url));
    cleanups.push(() => proxy.close());
    await fake.useInteractionsEndpoint(`${proxy.url}/interactions`);
    return {
      fake,
      replicas,
      proxy,
      clock,
      quizTimer,
      logs,
      rawLog,
      sabotage: (replacements) => Object.assign(overrides, replacements),
      async send(seed) {
        const { id } = fake.injectInteraction(seed);
        return { id, callback: await fake.waitForCallback(id) };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
