import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../fake-discord/index.ts";
import { sent } from "./bot-harness.ts";
import { type BundledBot, startBundledBot } from "./bundled-bot.ts";

/**
 * The bot as `npm start` runs it, whose log reader goes away: `npm start | tee bot.log` with tee
 * ended, a log shipper that crashed. Each log line then fails to write. Left unhandled, that failure
 * was an uncaught exception whose own log line failed the same way, round and round: the bot
 * stopped answering and ignored SIGTERM (a test that failed once left one running for an hour).
 */
describe("the bot's log reader goes away", () => {
  let started: BundledBot;
  let bot: ChildProcess;

  beforeAll(async () => {
    // Every answer and the shutdown log a line.
    started = await startBundledBot({ LOG_LEVEL: "info" });
    bot = started.bot;
    const lines = createInterface({ input: bot.stderr ?? process.stdin });
    await new Promise<void>((resolve) =>
      lines.on("line", (line) => {
        if (line.includes('"msg":"Dossier is online"')) resolve();
      }),
    );
    // The reader goes: the bot's next log line finds the pipe closed.
    lines.close();
    bot.stderr?.destroy();
  });

  afterAll(() => started.close());

  it("keeps answering without its logs, then shuts down cleanly on SIGTERM", async () => {
    const exited = once(bot, "exit");
    // Each answer logs a line; the first of them meets the closed pipe.
    for (const seed of [slashCommand("ask", { question: "why now" }), slashCommand("source")]) {
      const { id } = started.fake.injectInteraction(seed);
      const callback = await started.fake.waitForCallback(id, { timeoutMs: 20_000 });
      expect(sent(callback).embeds.length).toBeGreaterThan(0);
    }
    bot.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
