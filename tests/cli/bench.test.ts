import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { captureIo } from "./capture-io.ts";

const MEASURES = [
  "start-up: load + index",
  "of which knowledge load",
  "of which index build",
  "first start (nothing kept yet): load + index",
  "ask p50",
  "ask p99",
  "RSS after load",
  "RSS after queries",
  "hit@3 (development questions)",
  "held-out questions, each asked once: p50",
  "held-out questions, each asked once: p99",
  "held-out hit@1",
  "held-out hit@3",
  "held-out unanswerable flagged",
  "unanswerable questions flagged",
];

// The benchmark is a report, not a test: this only checks that every section and figure is there.
// Even quick, its 100× corpus section takes about two minutes of the three it takes alone on a
// 2-core machine; run beside the other test files it took over three.
describe("dossier bench --quick", () => {
  it("reports every section with every figure, side by side with the baseline, targets marked", {
    timeout: 480_000,
  }, async () => {
    const capture = captureIo();
    const code = await runCli(["bench", "--quick"], capture.io);
    expect(code).toBe(0);
    const report = capture.stdout();
    const sections = report.split(/\n\n(?=\S)/).slice(1);
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      expect.stringMatching(/^Shipped knowledge — \d+ passages$/),
      expect.stringMatching(/^Synthetic corpus, 100× the articles — \d+ passages$/),
      "Discord end to end — /ask through the fake Discord",
      expect.stringMatching(/^Moderator entries — \d+ in one server/),
      "Timeline picture — SVG drawn and rasterised by resvg",
      expect.stringMatching(
        /^Fuzz — hostile inputs through every command, renderer and the router, seed \d+$/,
      ),
      "HTTP replicas — two serve-http on one Postgres, beside gateway mode",
    ]);
    for (const section of sections.slice(0, 2)) {
      expect(section).toMatch(/measure +Dossier +MiniSearch \(defaults\) +ours ÷ baseline +target/);
      for (const measure of MEASURES) {
        const row = section.split("\n").find((line) => line.trimStart().startsWith(measure));
        expect(row, `${measure} in ${section.split("\n")[0]}`).toBeDefined();
        // a figure for ours, one for the baseline, and their comparison
        expect(row?.slice(measure.length + 2).match(/\d/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
      }
      expect(section).toMatch(/ask p99 .*≤ \d+ ms [✓✗]/);
      expect(section).toMatch(/held-out questions, each asked once: p99 .*≤ \d+ ms [✓✗]/);
    }
    expect(sections[0]).toMatch(/start-up: load \+ index .*≤ 300 ms [✓✗]/);
    expect(sections[2]).toMatch(/inject → reply p99 +[\d.]+ ms.*≤ 50 ms [✓✗]/);
    expect(sections[2]).toMatch(/bot RSS peak during the run +\d+ MB +≤ 150 MB [✓✗]/);
    expect(sections[2]).toMatch(/bot RSS after the run +\d+ MB/);
    expect(sections[3]).toMatch(/adds per second \(one transaction each\) +[\d,]+/);
    expect(sections[3]).toMatch(/ask p99, \d+ entries in the server +[\d.]+ ms/);
    expect(sections[4]).toMatch(/render p99 +[\d.]+ ms.*≤ 100 ms [✓✗]/);
    expect(sections[4]).toMatch(/RSS added \(rasteriser loaded, pictures drawn\) +\d+ MB.*≤ 20 MB [✓✗]/);
    for (const measure of ["crashes", "non-verbatim excerpts", "Discord limit breaks", "pings"])
      expect(sections[5]).toMatch(new RegExp(`${measure} +\\d+ +0 [✓✗]`));
    expect(capture.stderr()).toContain("run 1/1");
  });
});
