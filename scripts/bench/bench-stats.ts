/** Summary statistics for the benchmarks: medians over repeated runs, nearest-rank percentiles, ratios. Pure. */

/** Only finite numbers count: a run that produced no figure (NaN) is left out, not averaged in. */
function finite(values: readonly number[]): number[] {
  return values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
}

/** The median; the mean of the two middle values for an even count. NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = finite(values);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile, `q` in [0, 1]: the smallest value with at least q of the values at or below it. */
export function percentile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile ${q} is outside [0, 1]`);
  const sorted = finite(values);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** `numerator / denominator`; NaN when either is not a finite number or the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return Number.NaN;
  return numerator / denominator;
}

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = finite(values);
  return {
    n: sorted.length,
    median: median(sorted),
    p90: percentile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * Run order for sides measured side by side, `rounds` runs of each: forward, then backward (A B C, C B A, ...), so a
 * machine that slowly gets busier or quieter weighs on every side alike.
 */
export function interleavedSides<Side>(sides: readonly Side[], rounds: number): Side[] {
  const order: Side[] = [];
  for (let i = 0; i < rounds; i += 1) order.push(...(i % 2 === 0 ? sides : [...sides].reverse()));
  return order;
}

/** A with/without comparison's run order: ABBA blocks (with, without, without, with, ...), `pairs` of each. */
export function interleavedOrder(pairs: number): ('with' | 'without')[] {
  return interleavedSides(['with', 'without'] as const, pairs);
}
