import { fileURLToPath } from "node:url";
import { formatBenchTable } from "./bench-report.ts";
import type { BenchOptions } from "./bench-section.ts";
import { BENCH_SECTIONS } from "./sections.ts";

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
