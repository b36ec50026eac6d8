import pino from "pino";
import { loadConfig } from "../../src/config.ts";
import { type Context, createContext } from "../../src/context.ts";

/** The real context over the shipped knowledge, built once per test file (loading takes a moment). */
let shared: Context | undefined;

export function shippedContext(): Context {
  shared ??= createContext(loadConfig({}), { logger: pino({ level: "silent" }) });
  return shared;
}
