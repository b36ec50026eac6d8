import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idSchema } from "../../src/knowledge/schema.ts";
import { slugOf, uniqueId } from "../../src/store/entry-id.ts";
import { questionKey } from "../../src/store/question-key.ts";

describe("slugOf", () => {
  it("makes kebab slugs of questions", () => {
    expect(slugOf("Why now?")).toBe("why-now");
    expect(slugOf("  What does NATO's “open door” mean?! ")).toBe("what-does-nato-s-open-door-mean");
    expect(slugOf("Qu'a dit Riabkov à Genève ?")).toBe("qu-a-dit-riabkov-a-geneve");
    expect(slugOf("Почему?")).toBe("entry");
  });

  it("keeps whole words within 60 characters", () => {
    const slug = slugOf(
      "Why did the Kremlin publish both draft treaties almost immediately after delivering them?",
    );
    expect(slug).toBe("why-did-the-kremlin-publish-both-draft-treaties-almost");
    expect(slugOf(`${"x".repeat(80)} y`)).toBe("x".repeat(60));
  });

  it("always gives a valid knowledge id", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        (q) => idSchema.safeParse(slugOf(q)).success,
      ),
    );
  });
});

describe("uniqueId", () => {
  it("adds the first free numeric suffix", () => {
    const taken = new Set(["why-now", "why-now-2"]);
    expect(uniqueId("why-now", (id) => taken.has(id))).toBe("why-now-3");
    expect(uniqueId("what-now", (id) => taken.has(id))).toBe("what-now");
  });
});

describe("questionKey", () => {
  it("folds case, spacing, quote style, invisible characters, compatibility forms and closing punctuation", () => {
    const key = questionKey("Why now?");
    for (const same of ["why now", "  WHY\u00A0 now ?!", "Why\u200B now…", "Ｗｈｙ now?"]) {
      expect(questionKey(same)).toBe(key);
    }
    expect(questionKey("What is NATO’s “open door”?")).toBe(questionKey(`what is nato's "open door"`));
    expect(questionKey("Why not now?")).not.toBe(key);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (q) => questionKey(questionKey(q)) === questionKey(q)),
    );
  });
});
