/** The figures a benchmark row prints for a set of samples. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between closest ranks). */
  q1: number;
  q3: number;
}

/** The value at quantile `q` (0–1) of samples already sorted ascending, interpolating between closest ranks. */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** The median of some samples (the mean of the middle two when their count is even). */
export function median(samples: readonly number[]): number {
  return quantileOfSorted(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}

/** Median, min–max and quartiles of some samples. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  if (samples.some((sample) => !Number.isFinite(sample)))
    throw new Error(`not a finite sample in ${samples}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantileOfSorted(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantileOfSorted(sorted, 0.25),
    q3: quantileOfSorted(sorted, 0.75),
  };
}
