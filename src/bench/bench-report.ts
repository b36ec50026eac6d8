import type { BenchTable } from "./bench-section.ts";

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
