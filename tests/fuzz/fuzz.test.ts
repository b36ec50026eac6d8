import { describe, expect, it } from "vitest";
import { showsForeignLink } from "../../src/fuzz/in-process-discord.ts";
import { formatFuzzReport, runFuzz } from "../../src/fuzz/run-fuzz.ts";

/**
 * The fuzz harness with a fixed seed: the same 2,000 hostile inputs on every run. `npm run fuzz`
 * runs as many as asked with any seed; the benchmark reports a run of 100,000.
 */
describe("2,000 seeded hostile inputs through every command, renderer and the router", () => {
  it("crash nothing, quote only verbatim, stay within Discord's limits, ping nobody, answer each once", async () => {
    const report = await runFuzz({ n: 2_000, seed: 14 });
    expect(report.examples, formatFuzzReport(report)).toEqual([]);
    expect({
      crashes: report.crashes,
      nonVerbatim: report.nonVerbatim,
      limitBreaks: report.limitBreaks,
      pings: report.pings,
      maskedLinks: report.maskedLinks,
      unanswered: report.unanswered,
      answeredTwice: report.answeredTwice,
      othersMessagesTurned: report.othersMessagesTurned,
    }).toEqual({
      crashes: 0,
      nonVerbatim: 0,
      limitBreaks: 0,
      pings: 0,
      maskedLinks: 0,
      unanswered: 0,
      answeredTwice: 0,
      othersMessagesTurned: 0,
    });
    // It reached every layer, so the zeros mean something.
    expect(report.coreCalls).toBeGreaterThan(500);
    expect(report.interactions - report.refusedByDiscordJs).toBeGreaterThan(1_000);
    expect(report.excerptsChecked).toBeGreaterThan(1_000);
    expect(report.messagesChecked).toBeGreaterThan(1_500);
  });
});

describe("the fuzz harness's judge of masked links", () => {
  const own = new Set(["https://www.npr.org/2022/01/12/1072413634/russia-nato-ukraine"]);

  it("counts a live link to anywhere but a cited article", () => {
    expect(showsForeignLink(["see [click](https://example.com) now"], own)).toBe(true);
    expect(
      showsForeignLink(["— [NPR](https://www.npr.org/2022/01/12/1072413634/russia-nato-ukraine)"], own),
    ).toBe(false);
    expect(showsForeignLink(["see \\[click](https://example.com)"], own)).toBe(false);
  });

  it("does not count one inside a code block, which Discord shows as typed", () => {
    // A /qa history diff of an entry whose alternative was written with a masked link.
    const diff = "By <@1>.\n```diff\n@@ alternatives\n+ [click](https://example.com) tolerated\n```";
    expect(showsForeignLink([diff], own)).toBe(false);
    expect(showsForeignLink([`${diff}\nthen [click](https://example.com)`], own)).toBe(true);
  });
});
