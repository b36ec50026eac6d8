import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QaContent } from "../../../src/store/qa-records.ts";
import { EntryValidationError } from "../../../src/store/store-error.ts";
import { openTestStore, sampleContent, type TestStore } from "../fixtures/test-store.ts";

describe("a refused write", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(() => t.cleanup());

  async function rowCounts() {
    return { entries: await t.countRows("qa_entries"), revisions: await t.countRows("qa_revisions") };
  }

  it("writes nothing on add, edit or remove, and says why", async () => {
    const kept = await t.store.add("guild-1", sampleContent(t.corpus), "user-1");
    const before = await rowCounts();
    const bad: QaContent[] = [
      { ...sampleContent(t.corpus, "A fresh question?"), answer: " " },
      { ...sampleContent(t.corpus, "Another fresh question?"), citations: [] },
      {
        ...sampleContent(t.corpus, "Yet another?"),
        citations: [{ article: "x-y", paragraph: 1, excerpt: "abc" }],
      },
      sampleContent(t.corpus, kept.question.toUpperCase()),
    ];
    for (const input of bad) {
      await expect(t.store.add("guild-1", input, "user-1")).rejects.toBeInstanceOf(EntryValidationError);
    }
    await expect(
      t.store.edit("guild-1", kept.id, { ...sampleContent(t.corpus), answer: "" }, "u"),
    ).rejects.toThrow("The answer is empty: type a few words.");
    await expect(t.store.remove("guild-1", kept.id, "  ", "user-1")).rejects.toThrow(
      "The reason is empty: type a few words.",
    );
    expect(await rowCounts()).toEqual(before);
    expect(await t.store.get("guild-1", kept.id)).toEqual(kept);
  });

  it("is a UserError whose problems are the sentences to show", async () => {
    const input = { ...sampleContent(t.corpus, "?"), answer: "" };
    const error = await t.store.add("guild-1", input, "user-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryValidationError);
    expect(error).toMatchObject({
      code: "qa-invalid",
      problems: [
        "The question is too short: write at least 3 characters.",
        "The answer is empty: type a few words.",
      ],
      message:
        "The question is too short: write at least 3 characters.\nThe answer is empty: type a few words.",
    });
  });
});

describe("text a moderator types", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(() => t.cleanup());

  it("is stored exactly as typed: markdown, mentions, zero-width and compatibility characters", async () => {
    const question = "@everyone **Why** did <@&123> say `ﬁnal`\u200B offer?! ||spoiler|| e\u0301";
    const answer = "# Heading\n> quote @here [link](https://example.com) \u202Eevil\u202C _done_";
    const alternatives = ["<script>alert(1)</script>", "Ｆｕｌｌ width", "'; DROP TABLE qa_entries; --"];
    const added = await t.store.add(
      "guild-1",
      { ...sampleContent(t.corpus), question, answer, alternatives },
      "u",
    );
    expect(added.id).toBe("everyone-why-did-123-say-final-offer-spoiler-e");
    const stored = await t.store.get("guild-1", added.id);
    expect(stored).toMatchObject({ question, answer, alternatives });
    expect((await t.store.history("guild-1", added.id))[0]?.snapshot).toMatchObject({ question, answer });
    // The folded key still catches the same question typed plainly.
    const plain = "@everyone **why** did <@&123> say `final` offer?! ||spoiler|| é";
    await expect(t.store.add("guild-1", sampleContent(t.corpus, plain), "u")).rejects.toThrow(
      `already has this question as entry "${added.id}"`,
    );
  });

  it("gets a fallback id when the question has no Latin letters or digits", async () => {
    const first = await t.store.add("guild-1", sampleContent(t.corpus, "Почему сейчас?"), "u");
    const second = await t.store.add("guild-1", sampleContent(t.corpus, "Чего хочет Россия?"), "u");
    expect([first.id, second.id]).toEqual(["entry", "entry-2"]);
  });
});
