import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleCorpus } from "../fixtures/article-corpus.ts";
import { spawnWriter } from "../fixtures/spawn-writer.ts";
import { newStoreHome, type StoreHome } from "../fixtures/test-store.ts";

const ADDS_PER_WRITER = 500;

describe("two processes adding to the same guild at once", () => {
  let home: StoreHome;
  beforeEach(async () => {
    home = await newStoreHome();
  });
  afterEach(() => home.remove());

  it("lose nothing, wait for each other instead of failing, and never share an id", async () => {
    // Both open a database that does not exist yet, so creating and migrating it races too. The
    // questions differ only by a comma: distinct questions, but the same slug, so ids must be
    // made unique across the two processes (`…-really` and `…-really-2`).
    const common = { address: home.address, guildId: "guild-1", count: ADDS_PER_WRITER };
    const writers = [
      spawnWriter({ ...common, actor: "moderator-a", template: "Is {n} the number, really?" }),
      spawnWriter({ ...common, actor: "moderator-b", template: "Is {n} the number really?" }),
    ];
    const results = await Promise.all(writers.map((writer) => writer.finished));

    for (const result of results) {
      expect(result.stderr).not.toMatch(/SQLITE_BUSY|locked|deadlock|duplicate key/);
      expect(result).toEqual({ code: 0, signal: null, stderr: "" });
    }
    const acked = writers.flatMap((writer) => writer.acks);
    expect(acked).toHaveLength(2 * ADDS_PER_WRITER);
    expect(new Set(acked).size).toBe(acked.length);

    const store = await home.open(articleCorpus());
    const stored = await store.allActive("guild-1");
    expect(stored).toHaveLength(2 * ADDS_PER_WRITER);
    expect(new Set(stored.map((entry) => entry.id))).toEqual(new Set(acked));
    const byActor = (actor: string) => stored.filter((entry) => entry.createdBy === actor).length;
    expect([byActor("moderator-a"), byActor("moderator-b")]).toEqual([ADDS_PER_WRITER, ADDS_PER_WRITER]);
    await store.close();
  });
});
