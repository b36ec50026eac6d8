import { toLoggableError } from "../interaction/loggable-error.ts";
import type { Context } from "./context.ts";
import type { RunningBot } from "./start-bot.ts";

/** The parts of `process` these handlers touch, so a test can emit the events and see the exit code. */
export interface ProcessLike {
  once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
  exit(code: number): void;
}

export interface ProcessHandlerOptions extends Pick<Context, "logger" | "store"> {
  /** Strings that must never reach a log line (the bot token). */
  secrets?: readonly string[];
}

/**
 * How the bot process ends, and how it does not.
 *
 * On SIGINT or SIGTERM (Ctrl-C, `docker stop`, systemd): stop taking interactions, let the ones in
 * progress finish, disconnect, close the store, exit 0. Listeners are `once`, so a second Ctrl-C falls
 * through to Node's default and ends the process at once.
 *
 * A rejected promise nobody awaited is logged and the bot keeps answering: each gateway payload is
 * turned into objects in a task of its own, so a malformed one (a modal component that is null,
 * permissions that are not a number) fails that task alone and leaves nothing half done. An uncaught
 * exception may have left anything half done, so it is logged and the bot shuts down as on SIGTERM,
 * letting in-flight writes complete, but exits 1 for the service manager to restart it.
 *
 * Kept apart from startBot so that tests and other callers decide for themselves whether to touch
 * the process.
 */
export function installProcessHandlers(
  bot: Pick<RunningBot, "stop">,
  ctx: ProcessHandlerOptions,
  proc: ProcessLike = process,
): void {
  const secrets = ctx.secrets ?? [];
  let stopping = false;
  const shutDown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ reason }, "shutting down");
    let exitCode = code;
    try {
      await bot.stop();
      await ctx.store?.close();
    } catch (error) {
      ctx.logger.error({ error: toLoggableError(error, secrets) }, "shutdown failed");
      exitCode = 1;
    }
    proc.exit(exitCode);
  };
  proc.once("SIGINT", () => void shutDown("SIGINT", 0));
  proc.once("SIGTERM", () => void shutDown("SIGTERM", 0));
  proc.on("unhandledRejection", (reason) => {
    ctx.logger.error(
      { error: toLoggableError(reason, secrets) },
      "a task failed and nothing awaited it: logged, and the bot keeps answering",
    );
  });
  proc.on("uncaughtException", (error) => {
    ctx.logger.fatal(
      { error: toLoggableError(error, secrets) },
      "uncaught exception: shutting down so that the service manager restarts the bot",
    );
    void shutDown("uncaughtException", 1);
  });
}
