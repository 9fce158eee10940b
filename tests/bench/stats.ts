// Small statistics helpers for the benchmark runner: median, nearest-rank percentiles and
// the like, so every figure in the table is computed the same way.

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const list = sorted(values);
  const rank = Math.ceil((p / 100) * list.length);
  return list[Math.min(list.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const list = sorted(values);
  const mid = Math.floor(list.length / 2);
  const upper = list[mid] ?? Number.NaN;
  return list.length % 2 === 1 ? upper : ((list[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of an empty list');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function max(values: readonly number[]): number {
  return Math.max(...values);
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
