import { commands } from "../../commands/index.ts";
import { drawnForWarmUp } from "../bot/answer-pages.ts";
import type { BotParts, Context } from "../bot/context.ts";
import { ConfigError } from "../config.ts";
import { warmUpInBackground } from "../create-context.ts";
import { StoreError } from "../store/store-error.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

/**
 * `dossier serve-http [--port N]`: the bot as an HTTP interactions endpoint instead of a gateway
 * connection (see README, Scaling out). Runs until SIGINT or SIGTERM, then finishes the interactions
 * in progress and closes the store. The HTTP modules load only here, like the gateway bot's.
 */
export const serveHttpCommand: SubCommand = {
  name: "serve-http",
  usage: "[--port N]",
  summary:
    "answer Discord's interactions over HTTP (POST /interactions), for replicas behind a load balancer",
  async run(args, cli) {
    const { values, positionals } = parseArguments("serve-http", args, { port: { type: "string" } });
    if (positionals.length > 0)
      throw new UsageError(`"dossier serve-http" takes no arguments.`, "serve-http");
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw new UsageError(`--port must be a port number (1–65535); got "${values.port}".`, "serve-http");
    }
    const context = cli.context();
    const { MISSING_PUBLIC_KEY, serveHttp } = await import("../http/serve-http.ts");
    // Before the store is opened: a missing key is the first thing an admin is told.
    if (context.config.discordPublicKey === undefined) throw new ConfigError(MISSING_PUBLIC_KEY);
    const { openModeration } = await import("../ops/open-moderation.ts");
    let bot: Omit<Context, BotParts>;
    try {
      const moderation = await openModeration(context);
      bot = { ...context, moderation, store: moderation.store, commands };
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      cli.io.err(error.message);
      return 1;
    }
    try {
      // A load balancer sends a replica nothing until its answers are warm (see EndpointOptions.warming).
      let warm = false;
      const running = await serveHttp(bot, { ...(port === undefined ? {} : { port }), warming: () => !warm });
      const warmUp = warmUpInBackground(context, {
        level: "info",
        answered: drawnForWarmUp(context.dossier),
        warmed: () => {
          warm = true;
        },
      });
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      context.logger.info({ signal }, "shutting down");
      warmUp.abort();
      await running.stop();
    } finally {
      await bot.store?.close();
    }
    return 0;
  },
};
