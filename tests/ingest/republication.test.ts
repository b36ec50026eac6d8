import { describe, expect, it } from "vitest";
import { ingestRawText } from "../../src/ingest/ingest-raw-text.ts";
import {
  containment,
  mostSimilarArticle,
  REPUBLICATION_THRESHOLD,
  shinglesOf,
} from "../../src/ingest/similarity.ts";
import type { Article } from "../../src/knowledge/schema.ts";
import { readSeed, seedNames, shippedArticles, shippedFor } from "./golden-helpers.ts";

const shipped = shippedArticles().map(({ article }) => article);

function ingestAgainstOthers(seed: string) {
  const own = shippedFor(seed);
  return ingestRawText(readSeed(seed), {
    sourceName: seed,
    existing: shipped.filter((article) => article.id !== own.id),
  });
}

describe("republication detection by text similarity", () => {
  it("finds that seed 002 republishes the Trenin article, whatever its file is called", () => {
    const result = ingestRawText(readSeed("002_61458c739062b77d.txt"), {
      sourceName: "renamed.txt",
      existing: shipped.filter((article) => article.id !== "trenin-republished"),
    });
    expect(result.duplicateOf).toBe("trenin-2021-12-28");
    expect(result.meta.duplicateOf).toBe("trenin-2021-12-28");
    expect(result.report.mostSimilar?.containment).toBeGreaterThanOrEqual(REPUBLICATION_THRESHOLD);
  });

  it.each(seedNames().filter((seed) => !seed.startsWith("002")))("%s is no republication", (seed) => {
    const result = ingestAgainstOthers(seed);
    expect(result.duplicateOf).toBeUndefined();
    expect(result.meta.duplicateOf).toBeUndefined();
    expect(result.report.mostSimilar?.containment ?? 0).toBeLessThan(REPUBLICATION_THRESHOLD);
  });

  it("never matches an earlier cleaning of the same raw file, nor a recorded republication", () => {
    const seed = "002_61458c739062b77d.txt";
    const result = ingestRawText(readSeed(seed), { sourceName: seed, existing: shipped });
    expect(result.duplicateOf).toBe("trenin-2021-12-28");
    const original = ingestRawText(readSeed("004_95f13696c3a8c6c8.txt"), {
      sourceName: "004_95f13696c3a8c6c8.txt",
      existing: shipped,
    });
    expect(original.duplicateOf).toBeUndefined();
  });

  it("detects a synthetic near-copy: sentences split out, some dropped, U.S. spelled out", () => {
    const original = shippedFor("004_95f13696c3a8c6c8.txt");
    const sentences = original.paragraphs
      .flatMap((paragraph) => paragraph.text.split(/(?<=[.!?])\s+(?=[A-Z])/))
      .filter((_sentence, index) => index % 3 !== 0)
      .map((sentence) => sentence.replaceAll("U.S.", "United States"));
    const copy = sentences.join("\n");
    const result = ingestRawText(copy, { sourceName: "copy.txt", existing: [original], title: "A copy" });
    expect(result.duplicateOf).toBe(original.id);
  });

  it("does not flag an unrelated text, nor a different text on the same subject", () => {
    const unrelated = [
      "The village bakery opened at dawn, as it has every morning for forty years.",
      "Its owner still kneads the dough by hand and refuses to buy a mixer, whatever his children say.",
      "On Saturdays the queue reaches the church square, and regulars bring their own baskets.",
      "The town council plans to name the street after the bakery when the owner retires next spring.",
    ].join("\n");
    const original = shippedFor("004_95f13696c3a8c6c8.txt");
    const bakery = ingestRawText(unrelated, {
      sourceName: "bakery.txt",
      existing: [original],
      title: "Bakery",
    });
    expect(bakery.duplicateOf).toBeUndefined();
    const sameSubject = ingestRawText(readSeed("003_fe772b4659d60205.txt"), {
      sourceName: "003_fe772b4659d60205.txt",
      existing: [original],
    });
    expect(sameSubject.duplicateOf).toBeUndefined();
  });
});

describe("shingle containment", () => {
  it("is the share of the first text's five-word runs found in the second", () => {
    const part = shinglesOf(["one two three four five six"]);
    expect([...part]).toEqual(["one two three four five", "two three four five six"]);
    expect(containment(part, shinglesOf(["zero one two three four five seven"]))).toBe(0.5);
    expect(containment(part, shinglesOf(["nothing in common here at all"]))).toBe(0);
    expect(containment(new Set(), part)).toBe(0);
  });

  it("reads U.S. and United States as the same words, and folds case and quote style", () => {
    const a = shinglesOf(["The U.S. government’s position is clear"]);
    const b = shinglesOf(["the United States government's position is clear"]);
    expect(containment(a, b)).toBe(1);
  });

  it("gives no verdict on a text too short to judge", () => {
    const article: Article = {
      id: "a",
      title: "A",
      authors: [],
      paragraphs: [{ n: 1, text: "Short text here." }],
    };
    expect(mostSimilarArticle(["Short text here."], [article])).toBeUndefined();
  });
});
