import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { installProcessHandlers, type ProcessLike } from "../../src/bot/process-handlers.ts";

/** A stand-in for `process`: the test emits its events, and `exit` resolves a promise instead of exiting. */
function fakeProcess() {
  const emitter = new EventEmitter();
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  const proc: ProcessLike = {
    once: (signal, listener) => emitter.once(signal, listener),
    on: (event: string, listener: (error: Error) => void) => emitter.on(event, listener),
    exit: (code) => resolveExit(code),
  };
  return { proc, exited, emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args) };
}

const SECRET = "MTE5ODc2NTQzMjEwOTg3NjU0.Gfake0.process-handler-token";

function setUp(stop: () => Promise<void> = async () => {}) {
  const steps: string[] = [];
  const lines: Array<{ level: number; msg: string; error?: { message: string } }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")));
      done();
    },
  });
  const bot = {
    stop: async () => {
      await stop();
      steps.push("bot stopped");
    },
  };
  const ctx = {
    logger: pino({ level: "info" }, stream),
    store: {
      close: () => {
        steps.push("store closed");
      },
    },
    secrets: [SECRET],
  };
  return { bot, ctx, steps, lines };
}

describe("installProcessHandlers", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "on %s stops the bot, then closes the store, then exits 0",
    async (name) => {
      const { bot, ctx, steps } = setUp();
      const { proc, exited, emit } = fakeProcess();
      installProcessHandlers(bot, ctx, proc);
      emit(name);
      expect(await exited).toBe(0);
      expect(steps).toEqual(["bot stopped", "store closed"]);
    },
  );

  it("exits 1 when stopping fails, so a supervisor sees it", async () => {
    const { bot, ctx } = setUp(async () => {
      throw new Error("destroy failed");
    });
    const { proc, exited, emit } = fakeProcess();
    installProcessHandlers(bot, ctx, proc);
    emit("SIGTERM");
    expect(await exited).toBe(1);
  });

  it("shuts down once even when both signals arrive", async () => {
    let stops = 0;
    const { bot, ctx } = setUp(async () => {
      stops++;
    });
    const { proc, exited, emit } = fakeProcess();
    installProcessHandlers(bot, ctx, proc);
    emit("SIGINT");
    emit("SIGTERM");
    await exited;
    expect(stops).toBe(1);
  });

  it("logs a rejection nothing awaited, without its secrets, and keeps the bot running", () => {
    const { bot, ctx, steps, lines } = setUp();
    const { proc, emit } = fakeProcess();
    installProcessHandlers(bot, ctx, proc);
    // What discord.js rejects with when a gateway payload has permissions that are not a number.
    emit("unhandledRejection", new RangeError(`Invalid bitfield flag or number: abc (${SECRET}).`));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "a task failed and nothing awaited it: logged, and the bot keeps answering",
        error: expect.objectContaining({ message: "Invalid bitfield flag or number: abc ([redacted])." }),
      }),
    ]);
    expect(steps).toEqual([]);
  });

  it("logs an uncaught exception, then shuts down cleanly and exits 1 for the service manager", async () => {
    const { bot, ctx, steps, lines } = setUp();
    const { proc, exited, emit } = fakeProcess();
    installProcessHandlers(bot, ctx, proc);
    emit("uncaughtException", new TypeError("Cannot read properties of null (reading 'id')"));
    expect(await exited).toBe(1);
    expect(steps).toEqual(["bot stopped", "store closed"]);
    expect(lines[0]).toMatchObject({
      level: 60,
      error: { message: "Cannot read properties of null (reading 'id')" },
    });
  });
});
