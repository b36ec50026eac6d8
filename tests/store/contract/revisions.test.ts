import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/user-error.ts";
import { citationFrom } from "../fixtures/article-corpus.ts";
import { openTestStore, sampleContent, type TestStore } from "../fixtures/test-store.ts";

describe("revisions", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(() => t.cleanup());

  it("records add, edit, remove and restore with their actors, times and full snapshots, in order", async () => {
    const original = sampleContent(t.corpus);
    const added = await t.store.add("guild-1", original, "user-add");
    const editedContent = {
      ...original,
      answer: "A second wording of the answer.",
      citations: [...original.citations, citationFrom(t.corpus, "npr-2022-01-12", 4)],
    };
    const edited = await t.store.edit("guild-1", added.id, editedContent, "user-edit");
    const removed = await t.store.remove(
      "guild-1",
      added.id,
      "  Superseded by the curated entry.  ",
      "user-rm",
    );
    const restored = await t.store.restore("guild-1", added.id, "user-restore");

    expect([added, edited, removed, restored].map((entry) => entry.version)).toEqual([1, 2, 3, 4]);
    expect(restored).toEqual(await t.store.get("guild-1", added.id));
    expect(restored).not.toHaveProperty("removalReason");
    expect(restored).toMatchObject({ status: "active", createdBy: "user-add", updatedBy: "user-restore" });

    const history = await t.store.history("guild-1", added.id);
    expect(history.map((r) => [r.version, r.action, r.actor])).toEqual([
      [1, "add", "user-add"],
      [2, "edit", "user-edit"],
      [3, "remove", "user-rm"],
      [4, "restore", "user-restore"],
    ]);
    // The stepping clock ticks once per write: each revision carries the time of its own change.
    expect(history.map((r) => r.at)).toEqual([added, edited, removed, restored].map((e) => e.updatedAt));
    expect(new Set(history.map((r) => r.at)).size).toBe(4);

    const [v1, v2, v3, v4] = history.map((r) => r.snapshot);
    expect(v1).toEqual({ ...original, status: "active" });
    expect(v2).toEqual({ ...editedContent, status: "active" });
    expect(v3).toEqual({
      ...editedContent,
      status: "removed",
      removalReason: "Superseded by the curated entry.",
    });
    expect(v4).toEqual({ ...editedContent, status: "active" });
    expect(await t.countRows("qa_revisions")).toBe(4);
  });

  it("keeps the id when the question is reworded, and frees the old wording", async () => {
    const content = sampleContent(t.corpus, "Why now?");
    const added = await t.store.add("guild-1", content, "user-1");
    const edited = await t.store.edit(
      "guild-1",
      added.id,
      { ...content, question: "Why at this moment?" },
      "u",
    );
    expect(edited).toMatchObject({ id: "why-now", question: "Why at this moment?", version: 2 });
    const again = await t.store.add("guild-1", content, "user-1");
    expect(again.id).toBe("why-now-2");
  });

  it("adds no revision for an edit that changes nothing", async () => {
    const content = sampleContent(t.corpus);
    const added = await t.store.add("guild-1", content, "user-1");
    const again = await t.store.edit(
      "guild-1",
      added.id,
      { ...content, question: `  ${content.question} ` },
      "user-2",
    );
    expect(again).toEqual(added);
    expect(await t.store.history("guild-1", added.id)).toHaveLength(1);
  });

  it("refuses to remove twice, to restore an active entry, or to touch an unknown id", async () => {
    const added = await t.store.add("guild-1", sampleContent(t.corpus), "user-1");
    await expect(t.store.restore("guild-1", added.id, "user-1")).rejects.toMatchObject({
      code: "qa-not-removed",
    });
    await t.store.remove("guild-1", added.id, "Out of date.", "user-1");
    await expect(t.store.remove("guild-1", added.id, "Again.", "user-1")).rejects.toMatchObject({
      code: "qa-already-removed",
    });
    const unknown = t.store.edit("guild-1", "no-such-entry", sampleContent(t.corpus), "user-1");
    await expect(unknown).rejects.toBeInstanceOf(UserError);
    await expect(unknown).rejects.toThrow(/no entry "no-such-entry"/);
    // Entries are scoped to their guild: the same id in another guild does not exist.
    await expect(t.store.restore("guild-2", added.id, "user-1")).rejects.toMatchObject({
      code: "qa-not-found",
    });
    expect(await t.store.history("guild-2", added.id)).toEqual([]);
    expect(await t.countRows("qa_revisions")).toBe(2);
  });

  it("lists entries in the order they were added, pages them, and hides removed ones unless asked", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      ids.push((await t.store.add("guild-1", sampleContent(t.corpus, `What is point ${n}?`), "u")).id);
    }
    await t.store.add("guild-2", sampleContent(t.corpus, "What is point 1?"), "u");
    await t.store.remove("guild-1", ids[1] ?? "", "Duplicate of point one.", "u");

    const page = await t.store.list("guild-1", { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.entries.map((e) => e.id)).toEqual([ids[2], ids[3]]);
    const all = await t.store.list("guild-1", { offset: 0, limit: 10, includeRemoved: true });
    expect(all.total).toBe(5);
    expect(all.entries.map((e) => e.id)).toEqual(ids);
    expect((await t.store.allActive()).map((e) => `${e.guildId}/${e.id}`)).toEqual([
      ...[ids[0], ids[2], ids[3], ids[4]].map((id) => `guild-1/${id}`),
      "guild-2/what-is-point-1",
    ]);
  });
});
