// Percentiles and latency summaries for the benchmark (nearest-rank, so every figure is a measured sample).

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function summarise(samples: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  return {
    n: samples.length,
    p50: round1(percentile(samples, 50)),
    p99: round1(percentile(samples, 99)),
    max: round1(percentile(samples, 100)),
  };
}
