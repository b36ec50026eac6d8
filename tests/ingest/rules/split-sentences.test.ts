import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairSplitSentences } from "../../../src/ingest/rules/split-sentences.ts";
import { blocksOf, textsOf } from "./blocks.ts";

const repair = (...lines: string[]) => textsOf(repairSplitSentences(blocksOf(...lines)).blocks);

describe("sentences split across page breaks", () => {
  it.each([
    [
      "a capitalised name cut in two",
      "Talks began. The mood was tense in the United",
      "States because of the vote.",
    ],
    ["a function word left behind", "The ship turned back. In", "November, a bomber flew close."],
    [
      "the next block starting in lowercase",
      "Despite the rumours, he is in fact",
      "cautious and calculating.",
    ],
    ["a possessive left behind", "They met twice. In that case, Putin's", "scheduled visit might change."],
    ["a short fragment before a lowercase word", "Kyiv is less", "enthusiastic. The deal stalled."],
  ])("joins %s", (_case, first, second) => {
    expect(repair(first, second)).toEqual([`${first} ${second}`]);
  });

  it("joins a quotation opened in one block and closed in the next, straight or curly quotes", () => {
    expect(repair('He said: "NATO never expanded by force.', 'It is their choice," the envoy said.')).toEqual(
      ['He said: "NATO never expanded by force. It is their choice," the envoy said.'],
    );
    expect(
      repair("He said: “NATO never expanded by force.", "It is their choice,” the envoy said."),
    ).toHaveLength(1);
  });

  it("keeps a block with an unclosed quotation apart from a next block that closes none", () => {
    const lines = [
      "He added: “So I don’t think they will accept it.",
      "A senior official said more aid may come.",
    ];
    expect(repair(...lines)).toEqual(lines);
  });

  it("never joins a heading-shaped line to the capitalised paragraph under it", () => {
    const lines = ["Changes in Ukraine", "In 2008, at the summit in Bucharest, promises were made."];
    expect(repair(...lines)).toEqual(lines);
  });

  it("never joins across a markdown heading, nor after a finished sentence", () => {
    expect(repair("The talks stalled in the", "## Next steps", "talks resume.")).toEqual([
      "The talks stalled in the",
      "## Next steps",
      "talks resume.",
    ]);
    expect(repair("The talks ended.", "iPhone sales rose.")).toEqual([
      "The talks ended.",
      "iPhone sales rose.",
    ]);
  });

  it("joins a chain of fragments into one paragraph", () => {
    expect(
      repair("Officials met. Talks went on in the United", "States and in", "many other places."),
    ).toEqual(["Officials met. Talks went on in the United States and in many other places."]);
  });
});

const word = fc.stringMatching(/^[a-z]{2,8}$/);

describe("split repair properties", () => {
  it("restores any sentence cut before a lowercase word", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 3, maxLength: 20 }), fc.nat(), (words, at) => {
        const cut = 1 + (at % (words.length - 1));
        const sentence = `The ${words.join(" ")}.`;
        const first = `The ${words.slice(0, cut).join(" ")}`;
        const second = `${words.slice(cut).join(" ")}.`;
        expect(repair(first, second)).toEqual([sentence]);
      }),
    );
  });

  it("never merges blocks that each end a sentence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        (paragraphs) => {
          const lines = paragraphs.map((words) => `${words.join(" ")}.`);
          expect(repair(...lines)).toEqual(lines);
        },
      ),
    );
  });
});
