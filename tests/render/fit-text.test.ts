import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countUnescapedBold, ELLIPSIS, truncateText } from "../../src/render/discord/fit-text.ts";

/** Text with the shapes that break naive cutting: words, emoji (surrogate pairs), zalgo marks, markdown. */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.constantFrom(
        " ",
        "  ",
        "\n",
        "😀",
        "👩‍👩‍👧",
        "é",
        "z\u0301\u0302\u0303",
        "**",
        "\\",
        "\\*",
        "word",
        "> ",
      ),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

/** Half of an emoji: what a cut between the two UTF-16 units of a surrogate pair leaves behind. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("truncateText", () => {
  it("returns text that fits unchanged", () => {
    fc.assert(
      fc.property(awkwardText, fc.nat(3000), (text, extra) => {
        expect(truncateText(text, text.length + extra)).toBe(text);
      }),
    );
  });

  it("never exceeds the limit, marks every cut with an ellipsis and leaves no broken character", () => {
    fc.assert(
      fc.property(awkwardText, fc.integer({ min: 1, max: 400 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length > max) expect(cut.endsWith(ELLIPSIS)).toBe(true);
        expect(LONE_SURROGATE.test(cut)).toBe(false);
      }),
    );
  });

  it("keeps a prefix of plain text, so nothing is reworded", () => {
    const plain = fc.string({ unit: fc.constantFrom("a", "b", " ", "c", "d", "\n", "é") });
    fc.assert(
      fc.property(plain, fc.integer({ min: 1, max: 60 }), (text, max) => {
        const cut = truncateText(text, max);
        if (text.length <= max) return;
        expect(text.startsWith(cut.slice(0, -ELLIPSIS.length))).toBe(true);
      }),
    );
  });

  it("never leaves an unclosed bold run or a dangling escape", () => {
    const bolded = fc
      .array(
        fc.tuple(
          fc.string({ unit: fc.constantFrom("a", "b", " "), minLength: 1, maxLength: 15 }),
          fc.boolean(),
        ),
      )
      .map((parts) => parts.map(([words, bold]) => (bold ? `**${words.trim() || "x"}**` : words)).join(" "));
    fc.assert(
      fc.property(bolded, fc.integer({ min: 1, max: 80 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(countUnescapedBold(cut) % 2).toBe(0);
        expect(cut.endsWith(`\\${ELLIPSIS}`)).toBe(false);
      }),
    );
  });

  it("cuts at the last word boundary when one is near", () => {
    expect(truncateText("Russia wants NATO to rescind a 2008 promise", 20)).toBe("Russia wants NATO…");
  });

  it("cuts inside a word only when the text has no space close enough", () => {
    expect(truncateText("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("does not split an emoji made of surrogate pairs", () => {
    const text = "😀".repeat(10);
    const cut = truncateText(text, 6);
    expect(cut).toBe("😀😀…");
  });

  it("closes a bold run cut in the middle", () => {
    expect(truncateText("the **eastward expansion of the alliance** was", 27)).toBe(
      "the **eastward expansion**…",
    );
    expect(truncateText("the **eastward expansion of the alliance** was", 25)).toBe("the **eastward**…");
  });

  it("drops a half-written escape rather than escaping the ellipsis", () => {
    expect(truncateText("abcd\\*efghijkl", 6)).toBe("abcd…");
  });

  it("gives nothing for a limit with no room at all", () => {
    expect(truncateText("anything", 0)).toBe("");
  });
});
