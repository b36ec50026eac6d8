/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN for none. */
export function percentile(samples: ReadonlyArray<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (samples: ReadonlyArray<number>) => percentile(samples, 50);

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

export function formatMb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : "n/a";
}

export function formatRatio(ours: number, baseline: number): string {
  return Number.isFinite(ours) && Number.isFinite(baseline) && baseline > 0
    ? `${(ours / baseline).toFixed(2)}×`
    : "n/a";
}

export function formatPercent(rate: number): string {
  return Number.isFinite(rate) ? `${(rate * 100).toFixed(0)}%` : "n/a";
}
