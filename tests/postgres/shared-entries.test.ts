import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import { addEntry, removeEntry } from "../../src/moderation/entry-actions.ts";
import { followSharedEntries } from "../../src/moderation/follow-shared-entries.ts";
import { openPostgresQaStore } from "../../src/store/postgres/open-store.ts";
import type { PostgresQaStore } from "../../src/store/postgres/postgres-qa-store.ts";
import { BALTIC_FORM, GUILD, MODERATOR, shippedCorpus } from "../moderation/fixtures/moderation-world.ts";
import { createTestDatabase } from "../store/fixtures/test-store.ts";
import { createDatabase, type PostgresCluster, startPostgresCluster } from "./postgres-cluster.ts";

const corpus = shippedCorpus();
const ENTRY = {
  question: BALTIC_FORM.question,
  alternatives: ["glossary session"],
  answer: BALTIC_FORM.answer,
  citations: [
    { article: "fp-mackinnon", paragraph: 8, excerpt: "In 2008, at the NATO summit in Bucharest, Romania" },
  ],
};

/** A replica: its own pool and its own answer index, following the database. */
interface Replica {
  store: PostgresQaStore;
  dossier: Dossier;
  logs: string[];
  /** Resolves at the next change this replica's index takes in (added or taken out). */
  nextIndexChange(): Promise<void>;
}

async function startReplica(url: string): Promise<Replica> {
  const store = await openPostgresQaStore({ url, corpus });
  const base = createDossier(corpus);
  let signal: (() => void) | undefined;
  const changed = () => {
    signal?.();
    signal = undefined;
  };
  const dossier: Dossier = {
    ...base,
    upsertGuildQa: (guildId, entry) => {
      base.upsertGuildQa(guildId, entry);
      changed();
    },
    removeGuildQa: (guildId, id) => {
      base.removeGuildQa(guildId, id);
      changed();
    },
  };
  const logs: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void logs.push(JSON.parse(line).msg) });
  await followSharedEntries(store, dossier, logger);
  return {
    store,
    dossier,
    logs,
    nextIndexChange: () => new Promise<void>((resolve) => (signal = resolve)),
  };
}

const bestId = (replica: Replica) => replica.dossier.ask(ENTRY.question, { guildId: GUILD }).results[0]?.id;

describe("moderator entries shared by replicas", () => {
  const started: Replica[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((replica) => replica.store.close()));
  });

  it("are answered by every replica once one of them saves them, and forgotten when removed", async () => {
    const url = await createTestDatabase();
    const [a, b] = await Promise.all([startReplica(url), startReplica(url)]);
    if (a === undefined || b === undefined) throw new Error("two replicas");
    started.push(a, b);
    expect(bestId(b)).not.toBe("which-baltic-exercise-did-the-study-group-schedule-for-its-glossary-session");

    const heard = b.nextIndexChange();
    const entry = await addEntry(a, GUILD, ENTRY, MODERATOR);
    await heard;
    expect(bestId(b)).toBe(entry.id);
    expect(bestId(a)).toBe(entry.id);

    const forgotten = b.nextIndexChange();
    await removeEntry(a, GUILD, entry.id, "Not needed any more.", MODERATOR);
    await forgotten;
    expect(bestId(b)).not.toBe(entry.id);
  });

  it("are read in full by a replica that starts later", async () => {
    const url = await createTestDatabase();
    const first = await startReplica(url);
    started.push(first);
    const entry = await addEntry(first, GUILD, ENTRY, MODERATOR);
    const late = await startReplica(url);
    started.push(late);
    expect(bestId(late)).toBe(entry.id);
    expect(late.logs).toContain("moderator entries loaded");
  });
});

describe("a replica whose Postgres restarts", () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(() => cluster.destroy());

  it("reconnects by itself and reads again what it may have missed", async () => {
    const url = await createDatabase(cluster.adminUrl);
    const replica = await startReplica(url);
    try {
      cluster.kill();
      cluster.start();
      // The feed reconnects and reads every entry again; meanwhile another writer adds one.
      const writer = await openPostgresQaStore({ url, corpus });
      const heard = replica.nextIndexChange();
      const entry = await writer.add(GUILD, ENTRY, MODERATOR);
      await writer.close();
      await heard;
      expect(bestId(replica)).toBe(entry.id);
      expect(replica.logs).toContain("the feed of entry changes lost Postgres: reconnecting");
    } finally {
      await replica.store.close();
    }
  });
});
