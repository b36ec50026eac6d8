import { fileURLToPath } from "node:url";
import pino, { type Logger } from "pino";
import { createDossier } from "./answer/create-dossier.ts";
import type { Dossier } from "./answer/dossier.ts";
import type { Config } from "./config.ts";
import type { Corpus } from "./knowledge/corpus.ts";
import { loadCorpus } from "./knowledge/load-corpus.ts";

/**
 * Everything a command needs, built in one place and passed down explicitly: no globals, so tests
 * build their own with a fixture corpus or a fake dossier.
 */
export interface Context {
  config: Config;
  corpus: Corpus;
  dossier: Dossier;
  logger: Logger;
}

/** The shipped knowledge folder, found from this file rather than from the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge/", import.meta.url));

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

/** JSON lines on stderr, so stdout stays for answers (and `--json` output stays parseable). */
export function createLogger(level: string, stream: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: SECRET_PATHS, censor: "[redacted]" } }, stream);
}

export interface ContextOptions {
  knowledgeDir?: string;
  logger?: Logger;
}

/** Loads and verifies the knowledge (refusing to start on any problem) and builds the answer index. */
export function createContext(config: Config, options: ContextOptions = {}): Context {
  const logger = options.logger ?? createLogger(config.logLevel);
  const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const started = performance.now();
  const corpus = loadCorpus(knowledgeDir);
  const dossier = createDossier(corpus);
  logger.debug(
    { knowledgeDir, articles: corpus.articles.length, ms: Math.round(performance.now() - started) },
    "knowledge loaded",
  );
  return { config, corpus, dossier, logger };
}
