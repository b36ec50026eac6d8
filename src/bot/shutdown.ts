import type { BotContext } from "./bot-context.ts";
import { toLoggableError } from "./loggable-error.ts";
import type { RunningBot } from "./start-bot.ts";

/** The parts of `process` shutdown touches, so a test can send a fake signal and see the exit code. */
export interface ProcessLike {
  once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * On SIGINT or SIGTERM (Ctrl-C, `docker stop`, systemd): stop taking interactions, let the ones in
 * progress finish, disconnect, close the store, exit 0. Listeners are `once`, so a second Ctrl-C falls
 * through to Node's default and ends the process at once. Kept apart from startBot so that tests and
 * other callers decide for themselves whether to touch process signals.
 */
export function installShutdown(
  bot: Pick<RunningBot, "stop">,
  ctx: Pick<BotContext, "logger" | "store">,
  proc: ProcessLike = process,
): void {
  let stopping = false;
  const shutDown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, "shutting down");
    let code = 0;
    try {
      await bot.stop();
      await ctx.store?.close();
    } catch (error) {
      ctx.logger.error({ error: toLoggableError(error) }, "shutdown failed");
      code = 1;
    }
    proc.exit(code);
  };
  proc.once("SIGINT", () => void shutDown("SIGINT"));
  proc.once("SIGTERM", () => void shutDown("SIGTERM"));
}
