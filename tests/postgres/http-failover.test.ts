import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_UNAVAILABLE } from "../../src/store/postgres/unavailable.ts";
import { EPHEMERAL, sent } from "../e2e/bot-harness.ts";
import {
  type FakeDiscord,
  type InteractionSeed,
  modalSubmit,
  slashCommand,
  startFakeDiscord,
} from "../fake-discord/index.ts";
import { type DossierProcess, startDossierProcess } from "../http/dossier-process.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../http/round-robin-proxy.ts";
import { BALTIC_FORM } from "../moderation/fixtures/moderation-world.ts";
import { MODERATOR_PERMISSIONS } from "../moderation/fixtures/qa-bot.ts";
import { createDatabase, type PostgresCluster, startPostgresCluster } from "./postgres-cluster.ts";
import { rowsOf } from "./postgres-helpers.ts";

const QUESTIONS = [
  "Why now?",
  "What does Russia want from NATO?",
  "Who is Ryabkov?",
  "What happened in 2008?",
];

/**
 * Failures of the scaled-out shape, one at a time, with interactions sent one after another so that
 * what is in flight at each failure is known: a replica dies, then Postgres dies and comes back.
 */
describe("HTTP replicas when a replica or Postgres fails", () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  let fake: FakeDiscord;
  let replicas: DossierProcess[];
  let proxy: RoundRobinProxy;
  let dataDir: string;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await createDatabase(cluster.adminUrl);
    fake = await startFakeDiscord();
    dataDir = mkdtempSync(join(tmpdir(), "dossier-failover-"));
    const env = {
      DISCORD_PUBLIC_KEY: fake.publicKey,
      DISCORD_API_URL: fake.apiBase,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      COOLDOWN_SECONDS: "0",
    };
    replicas = await Promise.all([
      startDossierProcess("serve-http", env),
      startDossierProcess("serve-http", env),
    ]);
    proxy = await startRoundRobinProxy(replicas.map((replica) => replica.url));
    await fake.useInteractionsEndpoint(`${proxy.url}/interactions`);
  });
  afterAll(async () => {
    await proxy?.close();
    for (const replica of replicas ?? []) await replica.kill();
    await fake?.close();
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(seed: InteractionSeed) {
    const { id } = fake.injectInteraction(seed);
    const callback = await fake.waitForCallback(id);
    return { id, callback, replica: proxy.answeredBy.get(id) };
  }
  const asks = (count: number) =>
    Array.from({ length: count }, (_, n) =>
      slashCommand("ask", { question: QUESTIONS[n % QUESTIONS.length] ?? "" }),
    );
  const addForm = () =>
    modalSubmit("qa-form:add", { ...BALTIC_FORM }, { permissions: MODERATOR_PERMISSIONS });

  it("keep answering on the other replica when one is killed", async () => {
    const before: Array<number | undefined> = [];
    for (const seed of asks(8)) before.push((await send(seed)).replica);
    expect(new Set(before)).toEqual(new Set([0, 1]));

    await replicas[0]?.kill();
    for (const seed of asks(8)) {
      const { callback, replica } = await send(seed);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(replica).toBe(1);
    }
  });

  it("refuse writes with a sentence while Postgres is down, keep answering, and recover when it is back", async () => {
    cluster.kill();
    const asked = await send(slashCommand("ask", { question: "Why now?" }));
    expect(sent(asked.callback).content).toBe("**Asked:** Why now?");
    const refused = await send(addForm());
    expect(sent(refused.callback)).toMatchObject({ content: STORE_UNAVAILABLE, flags: EPHEMERAL });

    cluster.start();
    const added = await send(addForm());
    const id = /^Added `([a-z0-9-]+)`/.exec(sent(added.callback).content ?? "")?.[1];
    expect(id).toMatch(/^which-baltic-exercise/);
    // The refused attempt left nothing: one entry, one revision.
    expect(await rowsOf(databaseUrl, "SELECT id, version FROM qa_entries")).toEqual([{ id, version: 1 }]);
    expect(await rowsOf(databaseUrl, "SELECT COUNT(*)::int AS n FROM qa_revisions")).toEqual([{ n: 1 }]);
    const answer = await send(slashCommand("ask", { question: BALTIC_FORM.question }));
    expect(sent(answer.callback).embeds[0]?.title).toBe(BALTIC_FORM.question);
    // Without a restart, the replica's feed of entry changes found Postgres again and read everything.
    await replicas[1]?.waitForLog("moderator entries read again after a lost connection");
  });
});
