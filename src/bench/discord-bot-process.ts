import pino from "pino";
import { commands } from "../../commands/index.ts";
import { drawnForWarmUp } from "../bot/answer-pages.ts";
import { startBot } from "../bot/start-bot.ts";
import { loadConfig } from "../config.ts";
import { createContext } from "../create-context.ts";
import { openModeration } from "../ops/open-moderation.ts";
import { type ChildMessage, parentMessageSchema } from "./discord-bench-protocol.ts";

/**
 * The bot under benchmark, in a process of its own (see discord-e2e.ts), so its memory is measured
 * without the fake Discord that drives it. Configured from the environment like `npm start`; talks to
 * the parent over IPC: "ready" once logged in, its settled and peak RSS on "report", and it stops on
 * "stop". With DATA_DIR set it opens the store as `npm start` does, so every /ask is logged and gets
 * its feedback buttons.
 */

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** RSS after a collection when --expose-gc allows one, so garbage awaiting collection is not counted. */
function settledRss(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

async function main(): Promise<void> {
  const knowledgeDir = process.argv[2];
  const context = createContext(loadConfig(process.env), {
    ...(knowledgeDir === undefined ? {} : { knowledgeDir }),
    logger: pino({ level: "silent" }),
  });
  const moderation = process.env.DATA_DIR === undefined ? undefined : await openModeration(context);
  const bot = await startBot({
    ...context,
    commands,
    ...(moderation === undefined ? {} : { moderation, store: moderation.store }),
  });
  process.on("message", (raw) => {
    const message = parentMessageSchema.parse(raw);
    if (message.type === "report") {
      // maxRSS is the kernel's high-water mark in kilobytes: the peak, whenever it happened.
      send({ type: "rss", bytes: settledRss(), peakBytes: process.resourceUsage().maxRSS * 1024 });
      return;
    }
    void bot
      .stop()
      .then(() => moderation?.store.close())
      .then(() => process.exit(0));
  });
  // Never outlive the benchmark that started it, however that ended.
  process.once("disconnect", () => process.exit(1));
  // Measured as members meet it: after the warm-up a started bot runs in the background (start-dossier.ts).
  await context.dossier.warmUp(undefined, drawnForWarmUp(context.dossier));
  send({ type: "ready" });
}

await main();
