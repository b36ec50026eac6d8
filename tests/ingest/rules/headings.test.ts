import { describe, expect, it } from "vitest";
import { headingBlock } from "../../../src/ingest/block.ts";
import { splitFront } from "../../../src/ingest/rules/front.ts";
import { splitGluedHeadings } from "../../../src/ingest/rules/glued-heading.ts";
import { markSections } from "../../../src/ingest/rules/sections.ts";
import { lowerShoutedWords } from "../../../src/ingest/rules/shouted-words.ts";
import { titleCaseShouted } from "../../../src/ingest/rules/title-case.ts";
import { blocksOf, textsOf } from "./blocks.ts";

describe("headings glued to the first sentence", () => {
  it("splits a capitalised heading off the line", () => {
    const blocks = splitGluedHeadings(
      blocksOf("PUTIN’S REDLINES There is significant asymmetry here."),
    ).blocks;
    expect(textsOf(blocks)).toEqual(["## PUTIN’S REDLINES", "There is significant asymmetry here."]);
  });

  it("leaves datelines, single capitalised words and runs of the article's acronyms alone", () => {
    const lines = [
      "MOSCOW — Russia on Friday spelled out its demands.",
      "NATO Secretary-General Jens Stoltenberg spoke.",
      "NATO INF Treaty talks resumed, as NATO and INF officials said.",
      "DMITRI TRENIN is Director of the Carnegie Moscow Center.",
    ];
    expect(textsOf(splitGluedHeadings(blocksOf(...lines)).blocks)).toEqual(lines);
  });
});

describe("headings in capitals", () => {
  it("are written in title case, keeping acronyms and lowering small words", () => {
    expect(titleCaseShouted("PUTIN'S REDLINES")).toBe("Putin's Redlines");
    expect(titleCaseShouted("THE END OF THE NATO ERA", new Set(["NATO"]))).toBe("The End of the NATO Era");
  });

  it("get their acronyms from the article's prose when marked as sections", () => {
    const blocks = [headingBlock("NATO'S OPEN DOOR", 3), ...blocksOf("NATO says its door is open.")];
    expect(textsOf(markSections(blocks).blocks)).toEqual([
      "## NATO's Open Door",
      "NATO says its door is open.",
    ]);
  });

  it("keep mixed-case markdown headings as they are", () => {
    const blocks = [headingBlock("1. Russia wants a guarantee Ukraine can never join NATO", 2)];
    expect(markSections(blocks).blocks).toEqual(blocks);
  });
});

describe("plain-text section headings", () => {
  it("are short lines without closing punctuation", () => {
    const lines = [
      "Changes in Ukraine",
      "In 2008, promises were made.",
      "Biden the pragmatist",
      "And then there is more.",
    ];
    expect(textsOf(markSections(blocksOf(...lines)).blocks)).toEqual([
      "## Changes in Ukraine",
      "In 2008, promises were made.",
      "## Biden the pragmatist",
      "And then there is more.",
    ]);
  });
});

describe("stray capitals mid-sentence", () => {
  it("are lowered when the article writes the word in lowercase elsewhere", () => {
    const blocks = blocksOf(
      "The Soviet ARMY peacefully withdrew, and talks sought to end THE fighting.",
      "The army of the other side stayed at NATO's edge.",
    );
    expect(textsOf(lowerShoutedWords(blocks).blocks)).toEqual([
      "The Soviet army peacefully withdrew, and talks sought to end the fighting.",
      "The army of the other side stayed at NATO's edge.",
    ]);
  });

  it("keep acronyms, two-letter words and words the article never writes in lowercase", () => {
    const lines = ["Experts at the CNA think tank and NATO said the US would stay.", "The us and them talk."];
    expect(textsOf(lowerShoutedWords(blocksOf(...lines)).blocks)).toEqual(lines);
  });

  it("keep a word the article writes in capitals more than once", () => {
    const lines = ["The ALLIANCE met and the ALLIANCE spoke.", "The alliance is old."];
    expect(textsOf(lowerShoutedWords(blocksOf(...lines)).blocks)).toEqual(lines);
  });
});

describe("the front of the text", () => {
  const lead =
    "MOSCOW — Russia on Friday spelled out its demands for sweeping new security guarantees from the United States and NATO, seeking pledges that would halt expansion.";

  it("takes a masthead and a headline from two leading headline-like lines", () => {
    const { front, blocks } = splitFront(
      blocksOf("The Daily PostNews You Trust", "Russia broadens demands", lead),
    );
    expect(front).toEqual({ masthead: "The Daily PostNews You Trust", title: "Russia broadens demands" });
    expect(textsOf(blocks)).toEqual([lead]);
  });

  it("takes a one-sentence deck under the headline, but never a dateline lead", () => {
    const deck = "Moscow has long chafed at the West, so why the sudden urgency?";
    expect(splitFront(blocksOf("What Is Behind It", deck, lead)).front).toEqual({
      title: "What Is Behind It",
      subtitle: deck,
    });
    expect(splitFront(blocksOf("What Is Behind It", lead, lead)).front).toEqual({
      title: "What Is Behind It",
    });
  });

  it("reads markdown: headings above `#` are the masthead, a heading right under it the deck", () => {
    const blocks = [
      headingBlock("FOREIGN AFFAIRS", 2),
      headingBlock("What Putin Really Wants", 1),
      headingBlock("Russia Seeks to Stop Expansion", 2),
      ...blocksOf(lead),
    ];
    expect(splitFront(blocks).front).toEqual({
      masthead: "FOREIGN AFFAIRS",
      title: "What Putin Really Wants",
      subtitle: "Russia Seeks to Stop Expansion",
    });
  });

  it("finds no headline in a text that starts with a sentence", () => {
    const { front, blocks } = splitFront(blocksOf("In a draft treaty, Russia asked for a halt.", lead));
    expect(front).toEqual({});
    expect(blocks).toHaveLength(2);
  });
});
