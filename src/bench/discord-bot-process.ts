import pino from "pino";
import { startBot } from "../bot/start-bot.ts";
import { loadConfig } from "../config.ts";
import { createContext } from "../context.ts";
import { type ChildMessage, parentMessageSchema } from "./discord-bench-protocol.ts";

/**
 * The bot under benchmark, in a process of its own (see discord-e2e.ts), so its memory is measured
 * without the fake Discord that drives it. Configured from the environment like `npm start`; talks to
 * the parent over IPC: "ready" once logged in, its settled RSS on "report", and it stops on "stop".
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
  const bot = await startBot(context);
  process.on("message", (raw) => {
    const message = parentMessageSchema.parse(raw);
    if (message.type === "report") {
      send({ type: "rss", bytes: settledRss() });
      return;
    }
    void bot.stop().then(() => process.exit(0));
  });
  send({ type: "ready" });
}

await main();
