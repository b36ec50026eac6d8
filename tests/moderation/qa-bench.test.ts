import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { qaStoreBenchSection, syntheticEntries } from "../../src/bench/qa-store-section.ts";
import { citationLine, readEntryForm } from "../../src/moderation/entry-form.ts";
import { KNOWLEDGE_DIR, shippedCorpus } from "./fixtures/moderation-world.ts";

const QUESTIONS_FILE = fileURLToPath(new URL("../eval/dev.json", import.meta.url));

describe("the moderator-entries benchmark section", () => {
  it("generates entries that a moderator could have typed: all valid, all distinct", () => {
    const corpus = shippedCorpus();
    const entries = syntheticEntries(corpus, 300);
    expect(new Set(entries.map((e) => e.question)).size).toBe(300);
    for (const entry of entries.slice(0, 300)) {
      const reading = readEntryForm(
        {
          question: entry.question,
          answer: entry.answer,
          alternatives: entry.alternatives.join("\n"),
          citations: entry.citations.map(citationLine).join("\n"),
        },
        corpus,
      );
      expect(reading.ok ? [] : reading.problems).toEqual([]);
    }
  });

  it("reports adds per second and /ask latency with and without entries (its shape, never its numbers)", async () => {
    const progress: string[] = [];
    const table = await qaStoreBenchSection(30).run({
      quick: true,
      knowledgeDir: KNOWLEDGE_DIR,
      questionsFile: QUESTIONS_FILE,
      progress: (message) => progress.push(message),
    });
    expect(table.title).toMatch(/^Moderator entries — 30 in one server/);
    expect(table.rows.map((row) => row.measure)).toEqual([
      "adds per second (one transaction each)",
      "load 30 entries into the index at start",
      "ask p50, 30 entries in the server",
      "ask p99, 30 entries in the server",
      "ask p50, server without entries",
      "ask p99, server without entries",
    ]);
    expect(table.rows[0]?.ours).toMatch(/^\d+\/s$/);
    for (const row of table.rows.slice(1)) expect(row.ours).toMatch(/^\d+(\.\d+)? ms$/);
    expect(progress).toEqual(["Moderator entries: adding 30", "Moderator entries: /ask latency"]);
  });
});
