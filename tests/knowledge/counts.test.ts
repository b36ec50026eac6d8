import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);

/** The curated knowledge covers what a study group needs; these floors are the foundation issue's. */
describe("shipped knowledge", () => {
  it("has the five articles, one of them recorded as a republication", () => {
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.articles.filter((a) => a.duplicateOf).map((a) => [a.id, a.duplicateOf])).toEqual([
      ["trenin-republished", "trenin-2021-12-28"],
    ]);
  });

  it("describes every demand the articles name, each with its reasoning or response", () => {
    const text = corpus.demands.map((d) => [d.title, ...d.keywords].join(" ").toLowerCase()).join("\n");
    for (const topic of [
      /enlargement|expansion/,
      /1997/,
      /intermediate/,
      /aid|assistance/,
      /bases|cooperation/,
      /caucasus|central asia/,
      /minsk|donbas/,
      /exercise/,
    ]) {
      expect(text).toMatch(topic);
    }
    for (const demand of corpus.demands) {
      expect(demand.reasoning.length + demand.response.length, demand.id).toBeGreaterThan(0);
    }
  });

  it("has at least 25 dated events, from the Soviet collapse to the 2024 election", () => {
    expect(corpus.timeline.length).toBeGreaterThanOrEqual(25);
    const years = corpus.timeline.map((event) => Number(event.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1991);
    expect(Math.max(...years)).toBe(2024);
  });

  it("has at least 25 quotations, 40 Q&A entries and the required synonym groups", () => {
    expect(corpus.quotes.length).toBeGreaterThanOrEqual(25);
    expect(corpus.qa.length).toBeGreaterThanOrEqual(40);
    const groups = corpus.synonyms.map((group) => group.map((term) => term.toLowerCase()));
    for (const [a, b] of [
      ["expansion", "enlargement"],
      ["kyiv", "kiev"],
      ["donbas", "donbass"],
      ["zelensky", "zelenskyy"],
    ]) {
      expect(
        groups.some((group) => group.includes(a ?? "") && group.includes(b ?? "")),
        `${a}/${b}`,
      ).toBe(true);
    }
    expect(
      groups.some((group) => group.includes("inf") && group.some((t) => t.startsWith("intermediate"))),
    ).toBe(true);
  });

  it("knows everyone it quotes", () => {
    const people = new Set(corpus.people.map((p) => p.id));
    expect(corpus.quotes.every((q) => people.has(q.speaker))).toBe(true);
  });
});
