import { generateKeyPairSync } from "node:crypto";
import { InteractionResponseType } from "discord.js";
import { decode } from "fast-png";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpTransport } from "../../src/http/http-transport.ts";
import { ENDPOINT_LIMITS, startInteractionsEndpoint } from "../../src/http/interactions-endpoint.ts";
import { ed25519PublicKey, ReplayGuard } from "../../src/http/signature.ts";
import { pageButtonsOf, sent } from "../e2e/bot-harness.ts";
import { signRequest } from "../fake-discord/http-delivery.ts";
import {
  autocomplete,
  button,
  isOriginalMessageEdit,
  slashCommand,
  startFakeDiscord,
} from "../fake-discord/index.ts";
import { type HttpHarness, startHttpHarness } from "./http-harness.ts";

const PING = JSON.stringify({ id: "1", type: 1, token: "t", application_id: "2", version: 1 });

describe("the interactions endpoint", () => {
  let harness: HttpHarness;
  let endpoint: string;
  beforeAll(async () => {
    harness = await startHttpHarness();
    endpoint = `${harness.replicas[0]?.url}/interactions`;
  });
  afterAll(() => harness?.close());

  const post = (body: string, headers: Record<string, string>) =>
    fetch(endpoint, { method: "POST", headers, body }).then(async (response) => ({
      status: response.status,
      body: await response.text(),
    }));

  it("passes the Developer Portal's check: a signed PING gets a PONG, a forged one 401", async () => {
    // startHttpHarness saved the URL through the fake portal, which makes both checks.
    expect(harness.fake.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await post(PING, harness.fake.signedHeaders(PING))).toEqual({ status: 200, body: '{"type":1}' });
  });

  it("answers 401 to anything unsigned, forged, stale or replayed", async () => {
    const signed = harness.fake.signedHeaders(PING);
    const nowSeconds = Number(signed["x-signature-timestamp"]);
    const refused = [
      { "content-type": "application/json" },
      { ...signed, "x-signature-ed25519": "00".repeat(64) },
      { ...signed, "x-signature-ed25519": "not hex" },
      // Signed by Discord's key, but for another body.
      { ...harness.fake.signedHeaders(PING.replace('"1"', '"3"')) },
      // A minute past the five-minute window either way: a slow request cannot bring one back in.
      harness.fake.signedHeaders(PING, String(nowSeconds - 360)),
      harness.fake.signedHeaders(PING, String(nowSeconds + 360)),
    ];
    for (const headers of refused) expect((await post(PING, headers)).status).toBe(401);
    // The same signed request twice: the second is a replay.
    const once = harness.fake.signedHeaders(PING.replace('"1"', '"4"'));
    expect((await post(PING.replace('"1"', '"4"'), once)).status).toBe(200);
    expect((await post(PING.replace('"1"', '"4"'), once)).status).toBe(401);
  });

  it("refuses bodies over its limit, other paths and methods, and says it is healthy", async () => {
    const huge = `{"pad":"${"x".repeat(ENDPOINT_LIMITS.bodyBytes)}"}`;
    expect((await post(huge, harness.fake.signedHeaders(huge))).status).toBe(413);
    const base = harness.replicas[0]?.url;
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(endpoint)).status).toBe(405);
    const health = await fetch(`${base}/healthz`);
    expect({ status: health.status, body: await health.json() }).toEqual({
      status: 200,
      body: { status: "ok" },
    });
  });

  it("answers a command in the response itself, without pinging anyone, with working page buttons", async () => {
    const { id, callback } = await harness.send(
      slashCommand("ask", { question: "What does Russia want from NATO?" }),
    );
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const reply = sent(callback);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.content).toBe("**Asked:** What does Russia want from NATO?");
    const more = pageButtonsOf(reply).find((b) => b.label === "More ▶")?.custom_id;
    const message = harness.fake.interaction(id)?.original;
    if (more === undefined || message === undefined) throw new Error("no paged reply");
    const turned = await harness.send(button(more, { message }));
    expect(turned.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(sent(turned.callback).embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of \d+$/);
  });

  it("serves every command and autocomplete from the same modules as the gateway bot", async () => {
    for (const seed of [
      slashCommand("demand", { topic: "missiles" }),
      slashCommand("quote", { speaker: "putin" }),
      slashCommand("who", { person: "Ryabkov" }),
      slashCommand("source"),
      slashCommand("help"),
    ]) {
      const { callback } = await harness.send(seed);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
    }
    const choices = await harness.send(autocomplete("quote", { speaker: "puti" }, "speaker"));
    expect(choices.callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(sent(choices.callback).choices?.[0]?.value).toBe("putin");
  });

  it("runs a quiz: the question in the response, answers as clicks, the reveal as a follow-up through REST", async () => {
    const started = await harness.send(
      slashCommand("quiz", { rounds: 1, seed: 4242 }, { subcommand: "start" }),
    );
    const question = sent(started.callback);
    const choice = pageButtonsOf(question).find((b) => b.custom_id?.startsWith("quiz:"))?.custom_id;
    const message = harness.fake.interaction(started.id)?.original;
    if (choice === undefined || message === undefined) throw new Error("no quiz question");
    const answered = await harness.send(button(choice, { message }));
    expect(sent(answered.callback).content).toMatch(
      /^You answered A\. The answer comes when the round ends\.$/,
    );
    await harness.quizTimer.fire();
    const reveal = await harness.fake.waitForFollowUp(started.id);
    expect(sent(reveal).allowed_mentions).toEqual({ parse: [] });
  });

  it("sends /timeline's picture by deferring in the response and editing the reply, since Discord takes no files there", async () => {
    const { id, callback } = await harness.send(slashCommand("timeline"));
    expect(callback).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: 0 },
    });
    const token = harness.fake.interaction(id)?.token;
    const edit = await harness.fake.waitForRequest(isOriginalMessageEdit(token));
    expect(edit.files.map((file) => file.filename)).toEqual(["timeline.png"]);
    expect(decode(edit.files[0]?.data ?? Buffer.alloc(0)).width).toBe(1200);
    expect(sent(edit.body).embeds[0]?.title).toBe("Timeline");
    expect(sent(edit.body).allowed_mentions).toEqual({ parse: [] });
    expect(harness.fake.interaction(id)?.original?.attachments).toHaveLength(1);
  });
});

describe("an interaction slower than Discord's three seconds", () => {
  it("is answered 'deferred', privately, in time, and its answer then replaces that message", async () => {
    const fake = await startFakeDiscord();
    let started: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (started = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const logger = pino({ level: "silent" });
    // A command that waits on the test: the deadline passes (at once here) while it works.
    const transport = new HttpTransport({
      apiUrl: fake.apiBase,
      logger,
      deferAfterMs: 0,
      route: async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        started();
        await gate;
        await interaction.reply({ content: "The answer, at last.", allowedMentions: { parse: [] } });
      },
    });
    const endpoint = await startInteractionsEndpoint(
      {
        transport,
        publicKey: ed25519PublicKey(fake.publicKey),
        replays: new ReplayGuard(() => Date.now(), undefined, logger),
        now: () => Date.now(),
        logger,
      },
      { port: 0, host: "127.0.0.1" },
    );
    try {
      await fake.useInteractionsEndpoint(`${endpoint.url}/interactions`);
      const { id } = fake.injectInteraction(slashCommand("ask", { question: "Why now?" }));
      await waiting;
      expect(await fake.waitForCallback(id)).toEqual({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: 64 },
      });
      release();
      const edit = await fake.waitForOriginalEdit(id);
      expect(edit).toMatchObject({ content: "The answer, at last.", allowed_mentions: { parse: [] } });
      expect(fake.interaction(id)?.original).toMatchObject({ content: "The answer, at last.", flags: 64 });
      // Nothing of the interaction stays behind in the replica's client.
      expect(transport.client.users.cache.size).toBe(0);
    } finally {
      await endpoint.stop();
      await transport.destroy();
      await fake.close();
    }
  });
});

/**
 * The endpoint alone, over a transport answering with `handle`, and a way to send it a request signed
 * with its key.
 */
async function startBareEndpoint(
  handle: (respond: (reply: { status: number; body: string }) => Promise<void>) => Promise<void>,
  warming?: () => boolean,
) {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const logger = pino({ level: "silent" });
  const endpoint = await startInteractionsEndpoint(
    {
      transport: { handle: (_request, respond) => handle(respond) },
      publicKey,
      replays: new ReplayGuard(() => Date.now(), undefined, logger),
      now: () => Date.now(),
      logger,
      ...(warming === undefined ? {} : { warming }),
    },
    { port: 0, host: "127.0.0.1" },
  );
  const signedPost = (body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(`${endpoint.url}/interactions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": signRequest(privateKey, body, timestamp),
        "x-signature-timestamp": timestamp,
      },
      body,
    });
  };
  return { endpoint, signedPost };
}

describe("a replica warming up", () => {
  it("reads 503 on /healthz until its answers are warm, and answers interactions meanwhile", async () => {
    let warming = true;
    const { endpoint, signedPost } = await startBareEndpoint(
      (respond) => respond({ status: 200, body: '{"type":4,"data":{"content":"answered"}}' }),
      () => warming,
    );
    try {
      const health = async () => {
        const response = await fetch(`${endpoint.url}/healthz`);
        return { status: response.status, body: await response.json() };
      };
      expect(await health()).toEqual({ status: 503, body: { status: "warming up" } });
      const command = JSON.stringify({ id: "20", type: 2, token: "t", application_id: "2", data: {} });
      expect((await signedPost(command)).status).toBe(200);
      warming = false;
      expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    } finally {
      await endpoint.stop();
    }
  });
});

describe("stopping the endpoint", () => {
  it("answers 503 to new interactions and on /healthz, finishes the ones in progress, then closes", async () => {
    let started: () => void = () => undefined;
    const inProgress = new Promise<void>((resolve) => (started = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { endpoint, signedPost } = await startBareEndpoint(async (respond) => {
      started();
      await gate;
      await respond({ status: 200, body: '{"type":4,"data":{"content":"done"}}' });
    });
    const command = JSON.stringify({ id: "10", type: 2, token: "t", application_id: "2", data: {} });
    const first = signedPost(command);
    await inProgress;
    const stopped = endpoint.stop();
    expect((await fetch(`${endpoint.url}/healthz`)).status).toBe(503);
    expect((await signedPost(command.replace('"10"', '"11"'))).status).toBe(503);
    release();
    const answered = await first;
    expect({ status: answered.status, body: await answered.json() }).toEqual({
      status: 200,
      body: { type: 4, data: { content: "done" } },
    });
    await stopped;
    await expect(fetch(`${endpoint.url}/healthz`)).rejects.toThrow();
  });
});
