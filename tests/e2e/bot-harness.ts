import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type APIUser, MessageFlags } from "discord.js";
import { afterAll, beforeAll } from "vitest";

export { pageButtonsOf, type Sent, sent, sentSchema } from "./sent-messages.ts";

import { commands as allCommands } from "../../commands/index.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import type { SlashCommand } from "../../src/bot/command.ts";
import { type RunningBot, startBot } from "../../src/bot/start-bot.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/create-context.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { createModeration, type Moderation } from "../../src/moderation/moderation.ts";
import { openSqliteQaStore } from "../../src/store/index.ts";
import { ManualTimer, TestClock } from "../bot/manual-clock.ts";
import {
  type CallbackBody,
  type FakeDiscord,
  type InteractionSeed,
  startFakeDiscord,
} from "../fake-discord/index.ts";

/** Shaped like a real bot token (three dot-separated parts), which the configuration insists on. */
export const BOT_TOKEN = "MTE5ODc2NTQzMjEwOTg3NjU0.Gfake0.end-to-end-test-token";

const KNOWLEDGE_DIR = new URL("../../knowledge/", import.meta.url).pathname;
let sharedCorpus: Corpus | undefined;
let sharedDossier: Dossier | undefined;

export function realCorpus(): Corpus {
  sharedCorpus ??= loadCorpus(KNOWLEDGE_DIR);
  return sharedCorpus;
}

/** The real knowledge and answer core, built once per test file: every file's bot answers with it. */
export function realDossier(): Dossier {
  sharedDossier ??= createDossier(realCorpus());
  return sharedDossier;
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  /** The bot's clock, for cooldowns and answer expiry; the fake keeps its own. */
  clock: TestClock;
  /** Ends quiz rounds when a test fires it. */
  quizTimer: ManualTimer;
  /** Every log line the bot wrote, parsed, and the raw text (to prove no secret is in it). */
  logs: LogLine[];
  rawLog(): string;
  /** Replace dossier methods for one test (an injected bug); `restore()` undoes it. */
  sabotage(overrides: Partial<Dossier>): void;
  restore(): void;
  /** Injects an interaction and resolves with the bot's accepted callback. */
  send(seed: InteractionSeed): Promise<{ id: string; callback: CallbackBody }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  cooldownSeconds?: number;
  commands?: readonly SlashCommand[];
  /** A data folder (a fresh temporary one): /qa and the feedback buttons under /ask work. */
  withStore?: boolean;
}

/**
 * The bot started as an admin starts it, against the fake Discord: configuration from environment
 * variables, `deploy-commands`, then `startBot`. Always `close()` it: it stops the bot and the fake.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord({ token: BOT_TOKEN });
  try {
    const config = loadConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiBase,
      COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
      LOG_LEVEL: "debug",
    });
    await deployCommands(config, { io: { out: () => {}, err: () => {} } });

    const { logs, stream, rawLog } = captureLogs();
    const overrides: Partial<Dossier> = {};
    const clock = new TestClock();
    const quizTimer = new ManualTimer();
    const logger = createLogger("debug", stream);
    const dossier = overridable(realDossier(), overrides);
    const data = options.withStore === true ? openTemporaryStore(dossier, logger) : undefined;
    const bot = await startBot(
      {
        config,
        corpus: realCorpus(),
        dossier,
        logger,
        ...(data === undefined ? {} : { moderation: data.moderation, store: data }),
        commands: options.commands ?? allCommands,
      },
      { clock, quizTimer },
    );
    return {
      fake,
      bot,
      clock,
      quizTimer,
      logs,
      rawLog,
      sabotage: (replacements) => Object.assign(overrides, replacements),
      restore: () => {
        for (const key of Object.keys(overrides)) delete overrides[key as keyof Dossier];
      },
      async send(seed) {
        const { id } = fake.injectInteraction(seed);
        return { id, callback: await fake.waitForCallback(id) };
      },
      async close() {
        await bot.stop();
        await data?.close();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/**
 * A harness for one `describe` block: started before its first test, closed after its last. Test
 * bodies use it as they would the harness itself.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): Harness => {
    if (started === undefined)
      throw new Error("The harness starts before the first test: use it inside one.");
    return started;
  };
  return {
    get fake() {
      return current().fake;
    },
    get bot() {
      return current().bot;
    },
    get clock() {
      return current().clock;
    },
    get quizTimer() {
      return current().quizTimer;
    },
    get logs() {
      return current().logs;
    },
    rawLog: () => current().rawLog(),
    sabotage: (overrides) => current().sabotage(overrides),
    restore: () => current().restore(),
    send: (seed) => current().send(seed),
    close: () => current().close(),
  };
}

/** A store in a fresh temporary folder, removed on close; moderators' entries go into the bot's dossier. */
function openTemporaryStore(dossier: Dossier, logger: Moderation["logger"]) {
  const dataDir = mkdtempSync(join(tmpdir(), "dossier-e2e-"));
  const corpus = realCorpus();
  const store = openSqliteQaStore({ dataDir, corpus });
  const moderation = createModeration({ store, dossier, corpus, moderatorRoleIds: [], logger });
  return {
    moderation,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function captureLogs() {
  const logs: LogLine[] = [];
  let raw = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString("utf8");
      raw += text;
      for (const line of text.split("\n").filter((l) => l.trim() !== "")) logs.push(JSON.parse(line));
      done();
    },
  });
  return { logs, stream, rawLog: () => raw };
}

/** The real dossier, except for the methods a test overrides. */
export function overridable(base: Dossier, overrides: Partial<Dossier>): Dossier {
  return {
    ask: (...args) => (overrides.ask ?? base.ask)(...args),
    demands: (...args) => (overrides.demands ?? base.demands)(...args),
    quotes: (...args) => (overrides.quotes ?? base.quotes)(...args),
    timeline: (...args) => (overrides.timeline ?? base.timeline)(...args),
    who: (...args) => (overrides.who ?? base.who)(...args),
    sources: (...args) => (overrides.sources ?? base.sources)(...args),
    source: (...args) => (overrides.source ?? base.source)(...args),
    detailsAsked: (...args) => (overrides.detailsAsked ?? base.detailsAsked)(...args),
    suggest: (...args) => (overrides.suggest ?? base.suggest)(...args),
    evidence: (...args) => (overrides.evidence ?? base.evidence)(...args),
    upsertGuildQa: (...args) => (overrides.upsertGuildQa ?? base.upsertGuildQa)(...args),
    removeGuildQa: (...args) => (overrides.removeGuildQa ?? base.removeGuildQa)(...args),
    warmUp: (...args) => (overrides.warmUp ?? base.warmUp)(...args),
  };
}

/** A second member, to click someone else's buttons. */
export const otherMember: APIUser = {
  id: "1198765432109876001",
  username: "reader",
  global_name: "Reader",
  discriminator: "0",
  avatar: null,
};

export const EPHEMERAL = MessageFlags.Ephemeral;
