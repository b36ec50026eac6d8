import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres/migrations.ts";
import { openPostgresQaStore } from "../../src/store/postgres/open-store.ts";
import { STORE_UNAVAILABLE, StoreUnavailableError } from "../../src/store/postgres/unavailable.ts";
import { MIGRATIONS } from "../../src/store/sqlite/sqlite-migrations.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { articleCorpus } from "../store/fixtures/article-corpus.ts";
import { createTestDatabase, sampleContent } from "../store/fixtures/test-store.ts";
import { createDatabase, freePort, type PostgresCluster, startPostgresCluster } from "./postgres-cluster.ts";
import { rowsOf, waitUntil } from "./postgres-helpers.ts";

async function openError(url: string): Promise<StoreError> {
  const error = await openPostgresQaStore({ url, corpus: articleCorpus() }).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  if (error instanceof StoreError) return error;
  throw new Error(`opening ${url} should have failed with a StoreError, got ${String(error)}`);
}

describe("the Postgres schema", () => {
  it("begins with SQLite's steps, same versions and names, so both engines' histories read alike", () => {
    expect(
      POSTGRES_MIGRATIONS.slice(0, MIGRATIONS.length).map(({ version, name }) => ({ version, name })),
    ).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual(
      POSTGRES_MIGRATIONS.map((_, index) => index + 1),
    );
  });

  it("is migrated once however many replicas start at once, and recorded in schema_migrations", async () => {
    const url = await createTestDatabase();
    const stores = await Promise.all(
      [1, 2, 3].map(() => openPostgresQaStore({ url, corpus: articleCorpus(), now: () => new Date(0) })),
    );
    await Promise.all(stores.map((store) => store.close()));
    expect(await rowsOf(url, "SELECT version, name FROM schema_migrations ORDER BY version")).toEqual(
      POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  it("refuses a database a newer release has migrated, in one sentence", async () => {
    const url = await createTestDatabase();
    await (await openPostgresQaStore({ url, corpus: articleCorpus() })).close();
    await rowsOf(url, "INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00Z')");
    const error = await openError(url);
    expect(error.code).toBe("database-too-new");
    expect(error.message).toMatch(
      /is at schema version 99, newer than this program knows \(\d+\): run a newer release/,
    );
    expect(error.message).not.toContain("password");
  });
});

describe("opening a Postgres store that cannot be used", () => {
  it("names the address, without its password, and says what to fix", async () => {
    const nobody = `postgres://dossier:s3cret@127.0.0.1:${await freePort()}/dossier`;
    const unreachable = await openError(nobody);
    expect(unreachable.message).toMatch(
      /^The database postgres:\/\/dossier@127\.0\.0\.1:\d+\/dossier cannot be reached \(.+\): start Postgres there, or fix the host and port in DATABASE_URL\.$/,
    );
    expect(unreachable.message).not.toContain("s3cret");

    const url = new URL(await createTestDatabase());
    url.pathname = "/no_such_database";
    const missing = await openError(url.toString());
    expect(missing.message).toBe(
      `The database ${url.toString()} does not exist: create it (createdb, or CREATE DATABASE) or fix its name in DATABASE_URL.`,
    );
  });
});

describe("a store whose Postgres dies and comes back", () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    // A server of its own: killing the run's shared one would fail every other file.
    cluster = await startPostgresCluster();
  });
  afterAll(() => cluster.destroy());
  const opened: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it("refuses the write in flight with a sentence, keeps no half of it, and works again without reopening", async () => {
    const url = await createDatabase(cluster.adminUrl);
    const corpus = articleCorpus();
    const store = await openPostgresQaStore({ url, corpus });
    opened.push(store);
    const kept = await store.add("guild-1", sampleContent(corpus, "Kept before the crash?"), "mod");

    // Another session holds the guild's write lock, so the add below waits inside its transaction,
    // its entry row not yet written, when the server dies.
    const holder = new pg.Client({ connectionString: url });
    holder.on("error", () => undefined);
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [0x0d055e2, "guild-1"]);
    const inFlight = store.add("guild-1", sampleContent(corpus, "Written during the crash?"), "mod");
    inFlight.catch(() => undefined);
    await waitUntil(async () => {
      const waiting = await rowsOf(
        url,
        "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'dossier'",
      );
      return waiting.length === 1;
    });
    cluster.kill();

    await expect(inFlight).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(inFlight).rejects.toThrow(STORE_UNAVAILABLE);
    // While it is down, every write is refused the same way, and so are reads.
    await expect(store.add("guild-1", sampleContent(corpus, "Written while down?"), "mod")).rejects.toThrow(
      STORE_UNAVAILABLE,
    );
    await expect(store.get("guild-1", kept.id)).rejects.toBeInstanceOf(StoreUnavailableError);

    cluster.start();
    // The same store object: its pool drops the dead connections and makes new ones.
    const after = await store.add("guild-1", sampleContent(corpus, "Written after the restart?"), "mod");
    expect((await store.allActive("guild-1")).map((entry) => entry.id)).toEqual([kept.id, after.id]);
    expect(await rowsOf(url, "SELECT entry_id, version FROM qa_revisions ORDER BY entry_id")).toEqual([
      { entry_id: kept.id, version: 1 },
      { entry_id: after.id, version: 1 },
    ]);
    await holder.end().catch(() => undefined);
  });
});
