import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Events } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Context, StartedParts } from "../../src/bot/context.ts";
import { loadConfig } from "../../src/config.ts";
import { createContext, createLogger } from "../../src/create-context.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import { type BotService, startBotService } from "../../src/ops/bot-service.ts";
import { button, type FakeDiscord, slashCommand, startFakeDiscord } from "../fake-discord/index.ts";
import { BOT_TOKEN, pageButtonsOf, sent } from "./bot-harness.ts";

/** `npm start`'s bot service against the fake Discord: real SQLite, real HTTP for /metrics and /healthz. */
describe("the bot service", () => {
  let dataDir: string;
  let logged: string;
  let fake: FakeDiscord | undefined;
  let service: BotService | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "dossier-service-"));
    logged = "";
  });
  afterEach(async () => {
    await service?.stop();
    await fake?.close();
    service = undefined;
    fake = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  function contextFor(env: NodeJS.ProcessEnv): Pick<Context, StartedParts> {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DATA_DIR: dataDir, COOLDOWN_SECONDS: "0", ...env });
    return createContext(config, { logger: createLogger("info", logStream) });
  }

  it("serves /metrics and /healthz, and reads 503 while the gateway is away until it is back", async () => {
    const discord = await startFakeDiscord({ token: BOT_TOKEN });
    fake = discord;
    const context = contextFor({
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_API_URL: discord.apiBase,
      METRICS_PORT: "0",
    });
    await deployCommands(context.config, { io: { out: () => {}, err: () => {} } });
    const running = await startBotService(context);
    service = running;
    const opsUrl = running.ops?.url;
    if (opsUrl === undefined) throw new Error("METRICS_PORT is set, so the service serves /metrics");
    expect(opsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // Ten interactions: eight questions (one the articles do not cover), a person and the demands.
    const questions = [
      "why now?",
      "What does Russia want from NATO?",
      "what are the security guarantees",
      "what did Putin say",
      "what is NATO's open door policy",
      "what did the US answer",
      "how do I bake sourdough bread",
      "what about missiles in Europe",
    ];
    const replies = [];
    for (const question of questions) {
      const { id } = discord.injectInteraction(slashCommand("ask", { question }));
      replies.push({ id, callback: await discord.waitForCallback(id) });
    }
    for (const seed of [slashCommand("who", { person: "Ryabkov" }), slashCommand("demand")]) {
      const { id } = discord.injectInteraction(seed);
      await discord.waitForCallback(id);
    }
    // A member finds the first answer helpful.
    const first = replies[0];
    const message = first === undefined ? undefined : discord.interaction(first.id)?.original;
    const helpful = pageButtonsOf(sent(first?.callback)).find((b) => b.label === "Helpful")?.custom_id;
    if (message === undefined || helpful === undefined)
      throw new Error("the first answer has no vote buttons");
    const vote = discord.injectInteraction(button(helpful, { message }));
    await discord.waitForCallback(vote.id);

    const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
    const value = (series: string) => {
      const line = metrics.split("\n").find((candidate) => candidate.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('dossier_interactions_total{command="ask",outcome="answered"}')).toBe(8);
    expect(value('dossier_interactions_total{command="who",outcome="answered"}')).toBe(1);
    expect(value('dossier_interactions_total{command="demand",outcome="answered"}')).toBe(1);
    expect(value('dossier_answer_duration_seconds_count{command="ask"}')).toBe(8);
    expect(value('dossier_not_covered_total{command="ask"}')).toBe(1);
    expect(value('dossier_votes_total{vote="up"}')).toBe(1);
    expect(value('dossier_store_writes_total{operation="recordQuestion"}')).toBe(8);
    expect(value('dossier_store_writes_total{operation="recordFeedback"}')).toBe(1);
    expect(value("dossier_gateway_reconnects_total")).toBe(0);
    expect(value("process_cpu_user_seconds_total")).toBeGreaterThan(0);

    const healthy = await fetch(`${opsUrl}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: "ok", gateway: "connected", store: "ok" });

    // The connection drops, and the fake keeps the bot from getting back in until the test says so.
    const { client } = running.bot;
    discord.gateway.holdHandshakes();
    const reconnecting = once(client, Events.ShardReconnecting);
    discord.gateway.dropConnection();
    await reconnecting;
    const away = await fetch(`${opsUrl}/healthz`);
    expect(away.status).toBe(503);
    expect(await away.json()).toMatchObject({ status: "unavailable", gateway: "connecting", store: "ok" });
    await discord.gateway.waitForConnection(2);
    expect((await fetch(`${opsUrl}/healthz`)).status).toBe(503);

    const resumed = once(client, Events.ShardResume);
    discord.gateway.releaseHandshakes();
    await resumed;
    expect((await fetch(`${opsUrl}/healthz`)).status).toBe(200);
    const after = await (await fetch(`${opsUrl}/metrics`)).text();
    expect(after).toContain("dossier_gateway_reconnects_total 1");
    expect((await fetch(`${opsUrl}/elsewhere`)).status).toBe(404);
  });

  it("serves nothing without METRICS_PORT", async () => {
    const discord = await startFakeDiscord({ token: BOT_TOKEN });
    fake = discord;
    service = await startBotService(
      contextFor({ DISCORD_CLIENT_ID: discord.applicationId, DISCORD_API_URL: discord.apiBase }),
    );
    expect(service.ops).toBeUndefined();
    expect(service.bot.client.isReady()).toBe(true);
  });

  it("keeps trying when Discord cannot be reached at start-up, and says so", async () => {
    const port = await unusedPort();
    const context = contextFor({
      DISCORD_CLIENT_ID: "112345678901234567",
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
    });
    const waits: number[] = [];
    service = await startBotService(context, {
      // The pause before the second attempt: the network comes back (the fake starts listening).
      wait: async (ms) => {
        waits.push(ms);
        fake = await startFakeDiscord({ token: BOT_TOKEN, port });
      },
    });
    expect(waits).toEqual([1000]);
    expect(service.bot.client.isReady()).toBe(true);
    const lines = logged
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: "Cannot reach Discord (ECONNREFUSED): retrying in 1 s. If this goes on, check this machine's network and DNS.",
      }),
    );
    expect(lines.map((line) => line.msg)).toContain("Dossier is online");
  });
});

/** A port nothing listens on yet: taken from the OS, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
