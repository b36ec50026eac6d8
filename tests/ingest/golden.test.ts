import { describe, expect, it } from "vitest";
import { ingestRawText } from "../../src/ingest/ingest-raw-text.ts";
import { serializeArticle } from "../../src/knowledge/article-file.ts";
import { readSeed, seedNames, shippedArticles, shippedFor } from "./golden-helpers.ts";

/**
 * The cleaner, run on each raw seed, must give exactly the shipped article: same paragraphs, same
 * sections, same front matter (the id is chosen by an admin and the source is the file name, so
 * those two are taken from the shipped file).
 */
function ingestSeed(seed: string) {
  const shipped = shippedFor(seed);
  const others = shippedArticles()
    .map(({ article }) => article)
    .filter((article) => article.id !== shipped.id);
  return {
    shipped,
    result: ingestRawText(readSeed(seed), { sourceName: seed, existing: others, id: shipped.id }),
  };
}

/** Paragraph counts as shipped; a change here renumbers citations and must be deliberate. */
const PARAGRAPH_COUNTS: Record<string, number> = {
  "000_6dcbb61e600b0099.txt": 18,
  "001_f856d5b9408bc9eb.txt": 15,
  "002_61458c739062b77d.txt": 60,
  "003_fe772b4659d60205.txt": 41,
  "004_95f13696c3a8c6c8.txt": 18,
};

/** Sentences that the raw text splits across blocks; each must come back whole in one paragraph. */
const REPAIRED_SENTENCES: Record<string, string[]> = {
  "001_f856d5b9408bc9eb.txt": [
    `"NATO has never expanded through force or coercion or subversion. It is countries' sovereign choice to choose to come to NATO and say they want to join," Deputy Secretary of State Wendy Sherman said`,
    "Kyiv is less enthusiastic.",
    "the Soviet army peacefully withdrew",
    "to end the fighting between",
  ],
  "004_95f13696c3a8c6c8.txt": [
    "Opposition to any deal will be high in the United States because of domestic political polarization",
    "he is in fact cautious and calculating, particularly when it comes to the use of force.",
    "In that case, Putin's scheduled visit to China for the Winter Olympics",
    "In November, a U.S. strategic bomber flew within 13 miles",
  ],
  "002_61458c739062b77d.txt": [
    "from the Baltic to the Black Sea. Of course, it is an open question",
    "could not afford to provoke its neighbor. It’s not just Ukrainian leadership",
  ],
};

describe("ingest reproduces the shipped articles from the raw seeds", () => {
  it.each(seedNames())("%s: paragraphs, sections and front matter", (seed) => {
    const { shipped, result } = ingestSeed(seed);
    const { paragraphs, id: _id, source: _source, ...shippedMeta } = shipped;
    const { id: _newId, source: _newSource, ...meta } = result.meta;
    expect(meta).toEqual(shippedMeta);
    expect(result.paragraphs).toEqual(paragraphs);
    expect(result.paragraphs).toHaveLength(PARAGRAPH_COUNTS[seed] ?? -1);
  });

  it.each(seedNames())("%s: the serialized file is the shipped file, byte for byte", (seed) => {
    const { shipped, result } = ingestSeed(seed);
    const file = shippedArticles().find(({ article }) => article.id === shipped.id);
    const meta = { ...result.meta, source: shipped.source };
    expect(
      serializeArticle(
        meta,
        result.paragraphs.map(({ n: _n, ...paragraph }) => paragraph),
      ),
    ).toBe(file?.text);
  });

  it.each(Object.entries(REPAIRED_SENTENCES))("%s: split sentences come back whole", (seed, sentences) => {
    const { result } = ingestSeed(seed);
    for (const sentence of sentences) {
      const holders = result.paragraphs.filter((paragraph) => paragraph.text.includes(sentence));
      expect(holders, sentence).toHaveLength(1);
    }
  });

  it.each(seedNames())("%s: blank lines and Windows line ends change nothing", (seed) => {
    const { shipped } = ingestSeed(seed);
    const raw = readSeed(seed);
    const spaced = raw
      .split("\n")
      .filter((line) => line.trim() !== "")
      .join("\n\n\n");
    for (const variant of [spaced, raw.replace(/\n+/g, "\r\n")]) {
      const result = ingestRawText(variant, { sourceName: seed, existing: [], title: shipped.title });
      expect(result.paragraphs).toEqual(shipped.paragraphs);
    }
  });

  it("keeps the duplicated lead of seed 000 once, as the first paragraph", () => {
    const raw = readSeed("000_6dcbb61e600b0099.txt");
    const lead = raw.split("\n")[2] ?? "";
    expect(raw.split(lead).length - 1).toBe(2);
    const { result } = ingestSeed("000_6dcbb61e600b0099.txt");
    expect(result.paragraphs.filter((paragraph) => paragraph.text === lead)).toHaveLength(1);
    expect(result.paragraphs[0]?.text).toBe(lead);
  });

  it("turns the capitalised headings of the Trenin texts into title-case sections", () => {
    expect(new Set(ingestSeed("004_95f13696c3a8c6c8.txt").result.paragraphs.map((p) => p.section))).toEqual(
      new Set([undefined, "Putin's Redlines", "Blame Game"]),
    );
    expect(new Set(ingestSeed("002_61458c739062b77d.txt").result.paragraphs.map((p) => p.section))).toEqual(
      new Set([undefined, "Putin’s Redlines", "Blame Game"]),
    );
  });

  it("drops the pull-quotes and the repeated sentence of the republication", () => {
    const texts = ingestSeed("002_61458c739062b77d.txt").result.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).not.toContain("If Putin is acting as if he has the upper hand, that’s because he does.");
    expect(texts).not.toContain(
      "Putin is cautious and calculating, particularly when it comes to the use of force.",
    );
    const repeated =
      "Putin’s threat to resort to force comes from his frustration with a stalled diplomatic process.";
    expect(texts.filter((text) => text === repeated)).toHaveLength(1);
  });
});

/** Strings that belong to web pages, layouts or markdown, never to an article's paragraphs. */
const ARTEFACTS = [
  "googletag",
  "More from",
  "Subscribe",
  "Join the Conversation",
  "View Comments",
  "Read more",
  "Shutterstock",
  "(Video:",
  "**",
  "Democracy Dies in Darkness",
  "Twitter: @",
  "contributed to this",
  "[Disclaimer]",
  "Copyright",
  "Paywall-free",
  "Sign Up",
];

describe("no shipped article keeps page furniture or split sentences", () => {
  const articles = shippedArticles();

  it("finds the five shipped articles", () => {
    expect(articles.map(({ article }) => article.id).sort()).toEqual([
      "fp-mackinnon",
      "npr-2022-01-12",
      "trenin-2021-12-28",
      "trenin-republished",
      "wapo-sonne",
    ]);
  });

  it.each(articles.map(({ file, article }) => [file, article] as const))("%s", (_file, article) => {
    const texts = [
      ...article.paragraphs.map((paragraph) => paragraph.text),
      ...article.paragraphs.flatMap((paragraph) => paragraph.section ?? []),
    ];
    for (const text of texts) {
      for (const artefact of ARTEFACTS) expect(text, artefact).not.toContain(artefact);
    }
    for (const paragraph of article.paragraphs) {
      expect(paragraph.text, `¶${paragraph.n} ends a sentence`).toMatch(/[.!?…]["'”’)\]]*$/);
      expect(paragraph.text, `¶${paragraph.n} starts a sentence`).not.toMatch(/^\p{Ll}/u);
    }
  });
});
