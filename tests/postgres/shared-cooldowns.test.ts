import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedCooldowns } from "../../src/bot/cooldowns.ts";
import { openPostgresQaStore } from "../../src/store/postgres/open-store.ts";
import type { PostgresQaStore } from "../../src/store/postgres/postgres-qa-store.ts";
import { TestClock } from "../bot/manual-clock.ts";
import { articleCorpus } from "../store/fixtures/article-corpus.ts";
import { createTestDatabase } from "../store/fixtures/test-store.ts";
import { rowsOf } from "./postgres-helpers.ts";

/** Two replicas' cooldowns on one Postgres, on one clock the test moves. */
describe("members' cooldowns shared by replicas", () => {
  let url: string;
  let stores: PostgresQaStore[];
  const clock = new TestClock();
  const logger = pino({ level: "silent" });
  const cooldownsOf = (store: PostgresQaStore, seconds = 5) =>
    new SharedCooldowns(
      store.sharedValues(() => clock.now()),
      seconds,
      clock,
      logger,
    );

  beforeAll(async () => {
    url = await createTestDatabase();
    stores = await Promise.all([1, 2].map(() => openPostgresQaStore({ url, corpus: articleCorpus() })));
  });
  afterAll(async () => {
    for (const store of stores ?? []) await store.close();
  });

  it("hold a member to their cooldown whichever replica they reach, once at a time", async () => {
    const [one, two] = (stores ?? []).map((store) => cooldownsOf(store));
    if (one === undefined || two === undefined) throw new Error("no stores");
    expect(await one.take("ana")).toEqual({ allowed: true });
    clock.advance(1_200);
    expect(await two.take("ana")).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(await one.take("ben")).toEqual({ allowed: true });
    clock.advance(3_800);
    expect(await two.take("ana")).toEqual({ allowed: true });
    // A refund on one replica frees the member on the other.
    await two.refund("ana");
    expect(await one.take("ana")).toEqual({ allowed: true });
    // Pressing on both replicas at the same moment: one answer is let through.
    const both = await Promise.all([one.take("cleo"), two.take("cleo")]);
    expect(both.filter((verdict) => verdict.allowed)).toHaveLength(1);
  });

  it("keep no row once cooldowns have run out, pruned as members come and go", async () => {
    const [store] = stores ?? [];
    if (store === undefined) throw new Error("no store");
    const cooldowns = cooldownsOf(store, 1);
    const count = async () => (await rowsOf(url, "SELECT COUNT(*)::int AS n FROM cooldowns"))[0];
    for (let n = 0; n < 200; n++) await cooldowns.take(`early-${n}`);
    // Past every cooldown so far (the first test's too).
    clock.advance(10_000);
    // Expired rows are swept every 200 writes, by whichever replica makes them.
    for (let n = 0; n < 200; n++) await cooldowns.take(`late-${n}`);
    expect(await count()).toEqual({ n: 200 });
  });
});
