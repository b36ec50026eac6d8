import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  button,
  type FakeDiscord,
  type InjectOptions,
  type InteractionSeed,
  modalSubmit,
  slashCommand,
} from "../fake-discord/index.ts";
import { BOT_TOKEN, sent } from "./bot-harness.ts";
import { type BundledBot, startBundledBot } from "./bundled-bot.ts";

/** Sets one top-level field of the payload, whatever its type should be. */
const withField = (field: string, value: unknown): InjectOptions => ({
  tamper: (payload) => ({ ...payload, [field]: value }),
});

/**
 * Gateway payloads discord.js throws on while turning them into an interaction, before any of the
 * bot's code runs. Each once ended the process with exit code 1.
 */
const malformed: Array<{ what: string; seed: InteractionSeed; inject: InjectOptions }> = [
  {
    what: "a modal whose component is null",
    seed: modalSubmit("qa-form-add", { question: "Why now?" }),
    inject: {
      tamper: (payload) => ({ ...payload, data: { custom_id: "qa-form-add", components: [null] } }),
    },
  },
  {
    what: "member permissions that are not a number",
    seed: slashCommand("help"),
    inject: {
      tamper: (payload) => ({ ...payload, member: { ...payload.member, permissions: "abc" } }),
    },
  },
  { what: "a button whose message is null", seed: button("page:abc:1"), inject: withField("message", null) },
];

/** The bot as `npm start` runs it (bundled, in its own process), against the fake Discord. */
describe("malformed gateway payloads, against the bot's own process", () => {
  let started: BundledBot;
  let fake: FakeDiscord;
  let bot: ChildProcess;
  let stderr = "";
  let exit: Promise<number | null>;

  beforeAll(async () => {
    started = await startBundledBot();
    ({ fake, bot } = started);
    bot.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    exit = new Promise((resolve) => bot.once("exit", (code) => resolve(code)));
    await fake.gateway.waitForIdentify(1);
  });

  afterAll(() => started.close());

  it("logs each one and keeps answering, then still shuts down cleanly", async () => {
    for (const { seed, inject } of malformed) fake.injectInteraction(seed, inject);
    const { id } = fake.injectInteraction(slashCommand("help"));
    const first = await Promise.race([
      fake.waitForCallback(id, { timeoutMs: 20_000 }).then((callback) => ({ callback })),
      exit.then((code) => ({ code })),
    ]);
    if (!("callback" in first)) throw new Error(`The bot exited with ${first.code}:\n${stderr}`);
    const { callback } = first;
    expect(sent(callback).embeds).toHaveLength(1);

    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    const logged = stderr
      .split("\n")
      .filter((line) => line.includes("nothing awaited it"))
      .map((line) => JSON.parse(line));
    expect(logged).toHaveLength(malformed.length);
    expect(stderr).not.toContain(BOT_TOKEN);
  });
});
