import { EventEmitter } from "node:events";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { installShutdown, type ProcessLike } from "../../src/bot/shutdown.ts";

/** A stand-in for `process`: signals are emitted by the test, and `exit` resolves a promise instead of exiting. */
function fakeProcess() {
  const emitter = new EventEmitter();
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  const proc: ProcessLike = {
    once: (signal, listener) => emitter.once(signal, listener),
    exit: (code) => resolveExit(code),
  };
  return { proc, exited, signal: (name: "SIGINT" | "SIGTERM") => emitter.emit(name) };
}

function setUp(stop: () => Promise<void>) {
  const steps: string[] = [];
  const bot = {
    stop: async () => {
      await stop();
      steps.push("bot stopped");
    },
  };
  const ctx = {
    logger: pino({ level: "silent" }),
    store: {
      close: () => {
        steps.push("store closed");
      },
    },
  };
  return { bot, ctx, steps };
}

describe("installShutdown", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "on %s stops the bot, then closes the store, then exits 0",
    async (name) => {
      const { bot, ctx, steps } = setUp(async () => {});
      const { proc, exited, signal } = fakeProcess();
      installShutdown(bot, ctx, proc);
      signal(name);
      expect(await exited).toBe(0);
      expect(steps).toEqual(["bot stopped", "store closed"]);
    },
  );

  it("exits 1 when stopping fails, so a supervisor sees it", async () => {
    const { bot, ctx } = setUp(async () => {
      throw new Error("destroy failed");
    });
    const { proc, exited, signal } = fakeProcess();
    installShutdown(bot, ctx, proc);
    signal("SIGTERM");
    expect(await exited).toBe(1);
  });

  it("shuts down once even when both signals arrive", async () => {
    let stops = 0;
    const { bot, ctx } = setUp(async () => {
      stops++;
    });
    const { proc, exited, signal } = fakeProcess();
    installShutdown(bot, ctx, proc);
    signal("SIGINT");
    signal("SIGTERM");
    await exited;
    expect(stops).toBe(1);
  });
});
