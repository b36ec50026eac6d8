import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/ingest-file.ts";
import { IngestError, ingestRawText } from "../../src/ingest/ingest-raw-text.ts";
import { articlesDir, knowledgeDir, seedsDir, shippedArticles } from "./golden-helpers.ts";

describe("ingestFile", () => {
  it("proposes the shipped file name and text for a seed already in the knowledge base", async () => {
    const ingested = await ingestFile(`${seedsDir}000_6dcbb61e600b0099.txt`, knowledgeDir);
    expect(ingested.fileName).toBe("fp-mackinnon.md");
    expect(ingested.text).toBe(readFileSync(`${articlesDir}fp-mackinnon.md`, "utf8"));
  });

  it("marks the republication and accepts the admin's id", async () => {
    const ingested = await ingestFile(`${seedsDir}002_61458c739062b77d.txt`, knowledgeDir, {
      id: "trenin-republished",
    });
    expect(ingested.result.report.proposedId).toBe("fa-trenin");
    expect(ingested.fileName).toBe("trenin-republished.md");
    expect(ingested.text).toBe(readFileSync(`${articlesDir}trenin-republished.md`, "utf8"));
    expect(ingested.result.report.warnings.join(" ")).toContain("title of trenin-2021-12-28");
  });
});

describe("ingestRawText", () => {
  it("asks for a title when the text has none and republishes nothing", () => {
    const raw =
      "In a draft treaty, Russia asked for a halt to expansion.\nThe West was given a month to respond.";
    expect(() => ingestRawText(raw, { sourceName: "x.txt", existing: [] })).toThrow(IngestError);
    expect(() => ingestRawText(raw, { sourceName: "x.txt", existing: [] })).toThrow(/--title/);
    expect(ingestRawText(raw, { sourceName: "x.txt", existing: [], title: "Draft treaty" }).meta.title).toBe(
      "Draft treaty",
    );
  });

  it("refuses an id that is not a valid id, naming the proposed one", () => {
    const raw = "# Draft treaty\n\nIn a draft treaty, Russia asked for a halt to expansion.";
    expect(() => ingestRawText(raw, { sourceName: "x.txt", existing: [], id: "Draft Treaty" })).toThrow(
      /--id "Draft Treaty": ids are lowercase words joined by hyphens, e.g. draft-treaty/,
    );
  });

  it("refuses a text with nothing left after cleaning", () => {
    expect(() =>
      ingestRawText("View Comments\nSubscribe Subscribe\n", { sourceName: "x.txt", existing: [] }),
    ).toThrow(/no paragraphs/);
  });

  it("gives back a shipped article unchanged when its cleaned text is ingested again", () => {
    for (const { article } of shippedArticles()) {
      const lines = [`# ${article.title}`];
      let section: string | undefined;
      for (const paragraph of article.paragraphs) {
        if (paragraph.section && paragraph.section !== section) lines.push(`## ${paragraph.section}`);
        section = paragraph.section;
        lines.push(paragraph.text);
      }
      const again = ingestRawText(lines.join("\n\n"), { sourceName: "again.txt", existing: [] });
      expect(again.paragraphs, article.id).toEqual(article.paragraphs);
    }
  });
});
