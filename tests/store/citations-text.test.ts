import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import { parseCitationsText } from "../../src/store/citations-text.ts";
import { locateExcerpt } from "../../src/store/locate-excerpt.ts";
import { articleCorpus, citationFrom } from "./fixtures/article-corpus.ts";

let corpus: Corpus;
beforeAll(() => {
  corpus = articleCorpus();
});

describe("parseCitationsText", () => {
  it("reads `article ¶N: excerpt`, `article N: excerpt` and `article#N: excerpt` lines", () => {
    const a = citationFrom(corpus, "fp-mackinnon", 3);
    const b = citationFrom(corpus, "npr-2022-01-12", 4);
    const c = citationFrom(corpus, "wapo-sonne", 2);
    const text = `fp-mackinnon ¶3: ${a.excerpt}\r\n\n  - npr-2022-01-12 4 : ${b.excerpt}\nWAPO-SONNE#2: ${c.excerpt}\n`;
    expect(parseCitationsText(text, corpus)).toEqual({ citations: [a, b, c], problems: [] });
  });

  it("locates a pasted excerpt, with or without quote marks around it", () => {
    const a = citationFrom(corpus, "trenin-2021-12-28", 2, 12);
    expect(locateExcerpt(corpus, a.excerpt)).toHaveLength(1);
    expect(parseCitationsText(`“${a.excerpt}”`, corpus)).toEqual({ citations: [a], problems: [] });
    expect(parseCitationsText(a.excerpt, corpus)).toEqual({ citations: [a], problems: [] });
  });

  it("never locates an excerpt in the republished article, whose text repeats the original", () => {
    const copied = citationFrom(corpus, "trenin-republished", 2, 10);
    const found = parseCitationsText(copied.excerpt, corpus);
    expect(found.problems).toEqual([]);
    expect(found.citations.map((c) => c.article)).toEqual(["trenin-2021-12-28"]);
  });

  it("asks for the article when a pasted excerpt is in several places", () => {
    const places = locateExcerpt(corpus, "100,000");
    expect(places.length).toBeGreaterThan(1);
    const { citations, problems } = parseCitationsText("100,000", corpus);
    expect(citations).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Line 1: "100,000" appears in several places \(.+\): start the line with/);
    expect(problems[0]).toContain(`${places[0]?.article} ¶${places[0]?.paragraph}`);
  });

  it("says which line is wrong and how to fix it", () => {
    const text = [
      "Moscow secretly wants the moon.",
      "fp-mackinnon ¶3:",
      "nope-article ¶2: something",
      `trenin-republished 1: ${citationFrom(corpus, "trenin-republished", 1).excerpt}`,
      "fp-mackinnon ¶999: anything",
    ].join("\n");
    expect(parseCitationsText(text, corpus).problems).toEqual([
      'Line 1: "Moscow secretly wants the moon." was not found word for word in any article: copy it exactly, or write `article-id ¶N: excerpt`.',
      "Line 2: write the excerpt after the colon, e.g. `fp-mackinnon ¶3: words from it`.",
      'Line 3: There is no article "nope-article": use one of fp-mackinnon, npr-2022-01-12, trenin-2021-12-28, wapo-sonne.',
      'Line 4: "trenin-republished" republishes trenin-2021-12-28 and is never quoted: cite trenin-2021-12-28 instead.',
      `Line 5: fp-mackinnon has no ¶999: its paragraphs are ¶1 to ¶${corpus.articles.find((a) => a.id === "fp-mackinnon")?.paragraphs.length}.`,
    ]);
  });

  it("treats a leading word and number as part of a pasted excerpt unless it names an article", () => {
    const withYear = "In 2008, at the NATO summit in Bucharest";
    expect(locateExcerpt(corpus, withYear)).toHaveLength(1);
    expect(parseCitationsText(withYear, corpus).problems).toEqual([]);
  });

  it("asks for at least one citation, and refuses text longer than a modal input", () => {
    expect(parseCitationsText(" \n \n", corpus).problems).toEqual([
      "Add at least one citation: one citation a line, written `article-id ¶N: excerpt`, or just an excerpt pasted from an article.",
    ]);
    expect(parseCitationsText("x".repeat(4001), corpus).problems).toEqual([
      "The citations are 4001 characters long: keep them under 4000.",
    ]);
  });
});
