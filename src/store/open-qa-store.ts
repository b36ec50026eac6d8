import type { Corpus } from "../knowledge/corpus.ts";
import { openPostgresQaStore } from "./postgres/open-store.ts";
import type { PostgresQaStore } from "./postgres/postgres-qa-store.ts";
import type { QuestionLogBounds } from "./question-log.ts";
import { openSqliteQaStore } from "./sqlite/open-sqlite-store.ts";
import type { SqliteQaStore } from "./sqlite/sqlite-qa-store.ts";

export interface StoreLocation {
  /** DATABASE_URL: Postgres, shared by every replica; when unset, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Which engine answered, for the parts only one of them has (Postgres's change feed). */
export type OpenedStore =
  | { engine: "sqlite"; store: SqliteQaStore }
  | { engine: "postgres"; store: PostgresQaStore };

export interface OpenStoreOptions extends StoreLocation {
  corpus: Corpus;
  now?: () => Date;
  /** A pooled Postgres connection lost while idle: logged, since the pool replaces it. */
  onIdleError?: (error: Error) => void;
  /** How much of the asked-question log is kept; tests pass small numbers. */
  questionLog?: QuestionLogBounds;
}

/** Opens the configured store: Postgres at DATABASE_URL when it is set, else DATA_DIR/dossier.db. */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  // The clock, and the question log's bounds: what tests set.
  const tuning = {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.questionLog === undefined ? {} : { questionLog: options.questionLog }),
  };
  if (options.databaseUrl === undefined) {
    return {
      engine: "sqlite",
      store: openSqliteQaStore({ dataDir: options.dataDir, corpus: options.corpus, ...tuning }),
    };
  }
  const store = await openPostgresQaStore({
    url: options.databaseUrl,
    corpus: options.corpus,
    ...tuning,
    ...(options.onIdleError === undefined ? {} : { onIdleError: options.onIdleError }),
  });
  return { engine: "postgres", store };
}
