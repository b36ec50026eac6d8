import { fileURLToPath } from "node:url";
import type { BenchOptions, BenchSection, BenchTable } from "./bench-section.ts";
import { corpusScaleSection } from "./corpus-scale-section.ts";
import { discordE2eSection } from "./discord-e2e.ts";
import { fuzzSection } from "./fuzz-section.ts";
import { httpReplicasSection } from "./http-replicas-section.ts";
import { qaStoreBenchSection } from "./qa-store-section.ts";
import { timelinePictureSection } from "./timeline-picture-section.ts";

export const DEFAULT_QUESTIONS_FILE = fileURLToPath(new URL("../../tests/eval/dev.json", import.meta.url));

/** Runs every section in turn and returns the report; numbers are for reading, not for asserting. */
export async function runBench(options: BenchOptions): Promise<string> {
  const parts = [
    `Dossier benchmark${options.quick ? " (quick: few runs, figures are rough)" : ""} — Node ${process.version}, ${process.platform}/${process.arch}`,
  ];
  for (const section of BENCH_SECTIONS) {
    const table = await section.run(options);
    parts.push(formatBenchTable(table));
  }
  return parts.join("\n\n");
}

/** The report's sections, in order. To add one, write a file exporting a BenchSection and list it here. */
export const BENCH_SECTIONS: ReadonlyArray<BenchSection> = [
  corpusScaleSection({
    id: "shipped",
    title: "Shipped knowledge",
    scale: 1,
    targets: { startMs: 300, p99Ms: 2 },
  }),
  corpusScaleSection({
    id: "synthetic-100x",
    title: "Synthetic corpus, 100× the articles",
    scale: 100,
    alsoWords: "own-vocabulary",
    targets: { p99Ms: 10 },
  }),
  discordE2eSection,
  qaStoreBenchSection(),
  timelinePictureSection,
  fuzzSection,
  httpReplicasSection,
];

const HEADERS = ["measure", "Dossier", "MiniSearch (defaults)", "ours ÷ baseline", "target"];

/** One plain-text table per section; ✓/✗ next to each target. */
export function formatBenchTable(table: BenchTable): string {
  const cells = table.rows.map((row) => [
    row.measure,
    row.ours,
    row.baseline ?? "",
    row.ratio ?? "",
    row.target === undefined ? "" : `${row.target.label} ${row.target.met ? "✓" : "✗"}`,
  ]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [
    table.title,
    rule,
    line(HEADERS),
    rule,
    ...cells.map(line),
    rule,
    ...table.notes.map((n) => `  ${n}`),
  ].join("\n");
}
