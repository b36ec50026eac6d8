export { runProcess, TSX_LOADER } from "../../src/bench/run-process.ts";

/** The environment of a child run: ours without Discord settings, and no colours so output is plain. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LOG_LEVEL: "warn" };
  for (const name of Object.keys(env)) if (name.startsWith("DISCORD_")) delete env[name];
  // Set but empty means "not set" to the configuration, and keeps a developer's own .env token out,
  // since dotenv never overrides a variable that exists.
  env.DISCORD_TOKEN = "";
  return { ...env, ...extra };
}

export const PROJECT_ROOT = new URL("../../", import.meta.url).pathname;
