import { join } from "node:path";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { Answer } from "./answer/answer.ts";
import { createDossier, createDossierWithTables, type KnowledgeTables } from "./answer/create-dossier.ts";
import type { Dossier } from "./answer/dossier.ts";
import type { Context, StartedParts } from "./bot/context.ts";
import type { Config } from "./config.ts";
import { PROJECT_ROOT } from "./installation.ts";
import { toLoggableError } from "./interaction/loggable-error.ts";
import type { Corpus } from "./knowledge/corpus.ts";
import { type KnowledgeCache, loadCorpusCached } from "./knowledge/knowledge-cache.ts";
import { loadCorpus } from "./knowledge/load-corpus.ts";

/** The shipped knowledge folder, found from the code rather than from the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = `${join(PROJECT_ROOT, "knowledge")}/`;

/** Paths a log line might carry a secret under; pino replaces them before anything is written. */
const SECRET_PATHS = [
  "token",
  "discordToken",
  "DISCORD_TOKEN",
  "*.token",
  "*.discordToken",
  "*.DISCORD_TOKEN",
  "config.discordToken",
  "headers.authorization",
  "*.headers.authorization",
];

/** Log streams whose write errors are already ignored (one listener each, however many loggers). */
const quietened = new WeakSet<NodeJS.WritableStream>();

/**
 * Logs on stderr, so stdout stays for answers (and `--json` output stays parseable): readable lines
 * on a terminal, JSON lines for a service manager, a container runtime or a file.
 */
export function createLogger(
  level: string,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Logger {
  const options = { level, redact: { paths: SECRET_PATHS, censor: "[redacted]" } };
  // A log reader that goes away (`npm start | tee bot.log` with tee ended, a log shipper that
  // crashed) fails every write. Unhandled, that failure was an uncaught exception whose own log line
  // failed the same way, round and round: the bot stopped answering and ignored SIGTERM. Without a
  // reader there is no one to tell; the bot goes on answering without its log.
  if (!quietened.has(stream)) {
    quietened.add(stream);
    stream.on("error", () => {});
  }
  if (stream.isTTY !== true) return pino(options, stream);
  const colorize = process.env.NO_COLOR === undefined;
  // Synchronous, so a line logged just before the process exits is still shown.
  return pino(
    options,
    pretty({
      destination: stream,
      sync: true,
      colorize,
      ignore: "pid,hostname",
      translateTime: "SYS:HH:MM:ss",
    }),
  );
}

/**
 * Set by the build (src/build/bundle.mjs) from the sources it bundled: the bundled bot keeps its
 * verified knowledge in DATA_DIR between starts under it (see knowledge-cache.ts). Run from the
 * sources, it reads the folder.
 */
declare const DOSSIER_BUILD_ID: string | undefined;
const BUILD_ID = typeof DOSSIER_BUILD_ID === "string" ? DOSSIER_BUILD_ID : undefined;

/** The verified knowledge, in DATA_DIR. */
export const KNOWLEDGE_CACHE_FILE = "knowledge.cache";

export interface ContextOptions {
  knowledgeDir?: string;
  logger?: Logger;
  /** Where, and for which code, the verified knowledge is kept between starts; the build's by default. */
  knowledgeCache?: KnowledgeCache;
}

/**
 * The context's first parts (src/bot/context.ts), built at start: loads and verifies the knowledge
 * (refusing to start on any problem) and builds the answer index.
 */
export function createContext(config: Config, options: ContextOptions = {}): Pick<Context, StartedParts> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const knowledgeCache =
    options.knowledgeCache ??
    (BUILD_ID === undefined
      ? undefined
      : { file: join(config.dataDir, KNOWLEDGE_CACHE_FILE), codeVersion: BUILD_ID });
  const started = performance.now();
  let corpus: Corpus;
  let dossier: Dossier;
  let cache: { read: boolean; notWritten?: string } | undefined;
  if (knowledgeCache) {
    const loaded = loadCorpusCached<KnowledgeTables>(knowledgeDir, knowledgeCache);
    corpus = loaded.corpus;
    const built = createDossierWithTables(corpus, loaded.derived);
    dossier = built.dossier;
    cache = { read: loaded.read, notWritten: loaded.keep(built.tables) };
  } else {
    corpus = loadCorpus(knowledgeDir);
    dossier = createDossier(corpus);
  }
  logger.debug(
    {
      knowledgeDir,
      articles: corpus.articles.length,
      ms: Math.round(performance.now() - started),
      ...(cache && { cached: cache.read }),
    },
    "knowledge loaded",
  );
  if (cache?.notWritten !== undefined)
    logger.debug({ reason: cache.notWritten }, "the verified knowledge could not be kept for the next start");
  return { config, corpus, dossier, logger };
}

/**
 * Warms the answers up in the background, between events (see Dossier.warmUp), each drawn by
 * `answered` when given: the first asks of a fresh process are slow until it is done, and then
 * `warmed` is called (after a failure too: the answers are still given, only slower at first) and
 * it is logged at `level`. Abort the controller returned to stop it early, when the process is
 * about to end for another reason.
 */
export function warmUpInBackground(
  { dossier, logger }: Pick<Context, "dossier" | "logger">,
  {
    level = "debug",
    answered,
    warmed = () => undefined,
  }: {
    level?: "debug" | "info";
    answered?: (question: string, answer: Answer) => void;
    warmed?: () => void;
  } = {},
): AbortController {
  const warmUp = new AbortController();
  const started = performance.now();
  dossier
    .warmUp(warmUp.signal, answered)
    .then(
      (asked) => logger[level]({ asked, ms: Math.round(performance.now() - started) }, "answers warmed up"),
      (error: unknown) => logger.warn({ error: toLoggableError(error) }, "warming up the answers failed"),
    )
    .finally(warmed);
  return warmUp;
}
