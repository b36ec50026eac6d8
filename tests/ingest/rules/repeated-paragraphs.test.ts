import { describe, expect, it } from "vitest";
import {
  removePullQuotes,
  removeRepeatedParagraphs,
  shortestOrderedSpan,
} from "../../../src/ingest/rules/repeated-paragraphs.ts";
import { blocksOf, textsOf } from "./blocks.ts";

const LEAD = "With an estimated 100,000 troops close to the border, officials will meet next week.";
const SECOND =
  "In draft proposals handed to officials, the Kremlin demanded a sweeping series of guarantees.";

describe("repeated paragraphs", () => {
  it("keep the first of two identical consecutive paragraphs (a doubled lead)", () => {
    expect(textsOf(removeRepeatedParagraphs(blocksOf(LEAD, LEAD, SECOND)).blocks)).toEqual([LEAD, SECOND]);
  });

  it("drop a paragraph repeated later, comparing whitespace and quote style loosely", () => {
    const again = SECOND.replace("handed", "handed ").replace(",", ", ");
    expect(textsOf(removeRepeatedParagraphs(blocksOf(LEAD, SECOND, again)).blocks)).toEqual([LEAD, SECOND]);
    const quoted = ["He said “no.”", "Later.", 'He said "no."'];
    expect(textsOf(removeRepeatedParagraphs(blocksOf(...quoted)).blocks)).toEqual([
      "He said “no.”",
      "Later.",
    ]);
  });

  it("leave repeated headings alone", () => {
    const lines = ["## Reasoning", LEAD, "## Reasoning", SECOND];
    expect(textsOf(removeRepeatedParagraphs(blocksOf(...lines)).blocks)).toEqual(lines);
  });
});

describe("pull-quotes", () => {
  const source =
    "If Russian President Vladimir Putin is acting as if he has the upper hand in this standoff, that’s because he does.";

  it("are removed when a shortened sentence repeats one in a longer paragraph, before or after it", () => {
    const pull = "If Putin is acting as if he has the upper hand, that’s because he does.";
    expect(textsOf(removePullQuotes(blocksOf(source, LEAD, pull)).blocks)).toEqual([source, LEAD]);
    expect(textsOf(removePullQuotes(blocksOf(pull, LEAD, source)).blocks)).toEqual([LEAD, source]);
  });

  it("are removed when the sentence sits inside a longer paragraph word for word", () => {
    const paragraph = `${LEAD} ${SECOND}`;
    expect(textsOf(removePullQuotes(blocksOf(paragraph, SECOND)).blocks)).toEqual([paragraph]);
  });

  it("are not found in words that only occur scattered across a paragraph, nor in short phrases", () => {
    const scattered = "Putin said the talks were over and he has no hand in it.";
    expect(textsOf(removePullQuotes(blocksOf(source, scattered)).blocks)).toEqual([source, scattered]);
    expect(textsOf(removePullQuotes(blocksOf(source, "Putin is acting.")).blocks)).toHaveLength(2);
  });

  it("measure the shortest stretch holding the words in order", () => {
    expect(shortestOrderedSpan(["a", "c"], ["a", "b", "a", "c"])).toBe(2);
    expect(shortestOrderedSpan(["c", "a"], ["a", "b", "c"])).toBe(Number.POSITIVE_INFINITY);
  });
});
