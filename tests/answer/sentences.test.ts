import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/answer/excerpts/sentences.ts";
import { locateVerbatim } from "../../src/answer/locate-verbatim.ts";

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe("sentence splitting", () => {
  it("does not end a sentence at initials, titles or abbreviated months", () => {
    expect(
      split(
        "A Pentagon spokesman, Marine Lt. Col. Anton T. Semelroth, said the U.S. delivered aid. On Jan. 10, U.S. and Russian officials met. It worked.",
      ),
    ).toEqual([
      "A Pentagon spokesman, Marine Lt. Col. Anton T. Semelroth, said the U.S. delivered aid.",
      "On Jan. 10, U.S. and Russian officials met.",
      "It worked.",
    ]);
  });

  it("keeps closing quotes with the sentence they end", () => {
    expect(split("“We were fooled,” he said. “They came to us.” Then he left.")).toEqual([
      "“We were fooled,” he said.",
      "“They came to us.”",
      "Then he left.",
    ]);
  });

  it("ends sentences at question and exclamation marks and keeps a last unterminated one", () => {
    expect(split("Why now? Nobody knows! And then there’s the rest")).toEqual([
      "Why now?",
      "Nobody knows!",
      "And then there’s the rest",
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(split("   ")).toEqual([]);
  });
});

describe("locating a curated excerpt", () => {
  const paragraph = "Russia’s “sphere of influence” doctrine —  including demands for an effective veto.";

  it("finds it despite quote style and spacing, returning the paragraph's own characters", () => {
    const range = locateVerbatim(`Russia's "sphere of influence" doctrine — including`, paragraph);
    expect(range && paragraph.slice(range.start, range.end)).toBe(
      "Russia’s “sphere of influence” doctrine —  including",
    );
  });

  it("widens an excerpt cut inside a word to the whole word", () => {
    const range = locateVerbatim("ussia’s “sphere", paragraph);
    expect(range && paragraph.slice(range.start, range.end)).toBe("Russia’s “sphere");
    const end = locateVerbatim("an effective ve", paragraph);
    expect(end && paragraph.slice(end.start, end.end)).toBe("an effective veto");
  });

  it("returns undefined when the words are not there", () => {
    expect(locateVerbatim("a different doctrine", paragraph)).toBeUndefined();
    expect(locateVerbatim("   ", paragraph)).toBeUndefined();
  });
});
