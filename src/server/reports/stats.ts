// The few statistics the reports show, defined once: the median (the middle value, or the mean
// of the two middle ones) and the 90th percentile by nearest rank (the smallest value with at
// least 90 % of the values at or below it), so a p90 is always a time that really happened.

/** Median, p90 and mean of the values, or null for none. */
export function spreadOf(values: readonly number[]): { median: number; p90: number; mean: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n;
  return { median: round1(median), p90: round1(p90), mean: round1(mean) };
}

/** Counts of the values in [edges[i], edges[i+1]); the last bucket has no end. */
export function histogramOf(values: readonly number[], edges: readonly number[]): { from: number; to: number | null; count: number }[] {
  return edges.map((from, i) => {
    const to = edges[i + 1] ?? null;
    return { from, to, count: values.filter((value) => value >= from && (to === null || value < to)).length };
  });
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
