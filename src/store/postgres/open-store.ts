import type { Corpus } from "../../knowledge/corpus.ts";
import type { QuestionLogBounds } from "../question-log.ts";
import { StoreError } from "../store-error.ts";
import { migratePostgres, POSTGRES_MIGRATIONS } from "./migrations.ts";
import { PostgresQaStore } from "./postgres-qa-store.ts";
import { isConnectionFailure } from "./unavailable.ts";

export interface PostgresStoreOptions {
  /** DATABASE_URL: postgres://user:password@host:5432/database */
  url: string;
  corpus: Corpus;
  now?: () => Date;
  /** A pooled connection that fails while idle (Postgres restarted); the pool replaces it by itself. */
  onIdleError?: (error: Error) => void;
  /** How much of the asked-question log is kept; tests pass small numbers. */
  questionLog?: QuestionLogBounds;
}

/**
 * Connections wait at most this long for a server, and statements at most this long for an answer,
 * so that an unreachable or stuck database becomes a sentence to the member while Discord still
 * waits for the reply (3 s for the first answer), not an interaction that never ends.
 */
export const POSTGRES_TIMEOUTS = { connectMs: 2_000, queryMs: 2_500 } as const;

/** The address without its password, for sentences and logs. */
export function describeDatabaseUrl(url: string): string {
  if (!URL.canParse(url)) return "in DATABASE_URL";
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

/** Why a server refused us, as the fix an admin can make. */
function openError(where: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  const sentence = isConnectionFailure(error)
    ? `The database ${where} cannot be reached (${message}): start Postgres there, or fix the host and port in DATABASE_URL.`
    : code === "28P01" || code === "28000"
      ? `Postgres refused the login to ${where} (${message}): fix the user name and password in DATABASE_URL.`
      : code === "3D000"
        ? `The database ${where} does not exist: create it (createdb, or CREATE DATABASE) or fix its name in DATABASE_URL.`
        : code === "42501"
          ? `The user in DATABASE_URL may not create tables in ${where} (${message}): grant it CREATE on the database's public schema, or use the database's owner.`
          : `The database ${where} cannot be used (${message}): check DATABASE_URL.`;
  return new StoreError("database-unusable", sentence, { cause: error });
}

/**
 * Connects to DATABASE_URL and migrates it to the current schema. Throws a StoreError saying what to
 * fix when the server cannot be reached, refuses the login, or holds a schema from a newer release.
 */
export async function openPostgresQaStore(options: PostgresStoreOptions): Promise<PostgresQaStore> {
  const now = options.now ?? (() => new Date());
  const where = describeDatabaseUrl(options.url);
  // Migrations get a connection of their own, without the query timeout: an index on a large table
  // may take longer than an interaction may.
  // Loaded here, not at start: a bot on SQLite (the default) never needs the driver's 3 MB.
  const { Client, Pool } = (await import("pg")).default;
  const migrator = new Client({
    connectionString: options.url,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    application_name: "dossier (migrations)",
  });
  try {
    await migrator.connect();
    await migratePostgres(migrator, POSTGRES_MIGRATIONS, now, where);
  } catch (error) {
    throw openError(where, error);
  } finally {
    await migrator.end().catch(() => undefined);
  }
  const pool = new Pool({
    connectionString: options.url,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    query_timeout: POSTGRES_TIMEOUTS.queryMs,
    keepAlive: true,
    application_name: "dossier",
  });
  // Without a listener an idle connection's error (Postgres restarting) would end the process.
  pool.on("error", (error) => options.onIdleError?.(error));
  return new PostgresQaStore(pool, options.url, options.corpus, now, options.questionLog);
}
