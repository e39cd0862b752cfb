// Medians of answer times, once for every adapter: the store hands over the durations, this
// decides what "median hours" means (before, SQLite and MongoDB each rounded their own way).

const TENTH_HOUR_MS = 360_000;

/**
 * The median of the durations (ms) in hours to a tenth, halves up; null when there are none.
 * With an even count, the mean of the two middle durations. Rounded once, at the end.
 */
export function medianHours(durationsMs: readonly number[]): number | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(median / TENTH_HOUR_MS) / 10;
}
