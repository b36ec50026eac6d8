import pino from "pino";
import type { Context, StartedParts } from "../../src/bot/context.ts";
import { loadConfig } from "../../src/config.ts";
import { createContext } from "../../src/create-context.ts";

/** The real context over the shipped knowledge, built once per test file (loading takes a moment). */
let shared: Pick<Context, StartedParts> | undefined;

export function shippedContext(): Pick<Context, StartedParts> {
  shared ??= createContext(loadConfig({}), { logger: pino({ level: "silent" }) });
  return shared;
}
