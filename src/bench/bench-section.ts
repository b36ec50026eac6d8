/**
 * One part of the benchmark report. Sections are independent and listed in sections.ts; a new one
 * (Discord end-to-end latency, the store's writes per second…) is a file exporting a BenchSection.
 */
export interface BenchOptions {
  /** Fewer runs and repetitions: for the smoke test, which checks the report's shape, never its numbers. */
  quick: boolean;
  knowledgeDir: string;
  questionsFile: string;
  /** Progress for the person waiting ("start-up 3/7…"); goes to stderr. */
  progress(message: string): void;
}

export interface BenchTarget {
  /** "≤ 300 ms" */
  label: string;
  met: boolean;
}

export interface BenchRow {
  measure: string;
  ours: string;
  baseline?: string;
  /** ours ÷ baseline, e.g. "0.8×"; for hit rates the difference. */
  ratio?: string;
  target?: BenchTarget;
}

export interface BenchTable {
  title: string;
  rows: BenchRow[];
  /** How the figures were taken, printed under the table. */
  notes: string[];
}

export interface BenchSection {
  id: string;
  run(options: BenchOptions): Promise<BenchTable>;
}
