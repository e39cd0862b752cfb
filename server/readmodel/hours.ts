// Median durations from hour-bucket histograms: a report adds 1 to the bucket its duration
// falls in, and the median is read by interpolating linearly inside the bucket that holds the
// middle report (as if the reports in a bucket were spread evenly across it). Exact at bucket
// edges, off by at most half a bucket otherwise: an hour up to two days, then ever wider
// (about a sixth of the duration), which a panel rounding to hours does not hide less.
const EDGES: readonly number[] = [
  ...Array.from({ length: 48 }, (_, i) => i), // 0..47 h by the hour
  48, 54, 60, 66, 72, 84, 96, 108, 120, 144, 168, 192, 216, 240, 288, 336, 408, 504, 600, 720, 1080, 1440, 2160, 2880, 4320, 8760,
];

/** The bucket (index) of a duration in hours; the last bucket is open-ended. */
export function hourBucketOf(hours: number): number {
  let lo = 0;
  let hi = EDGES.length - 1;
  if (hours >= EDGES[hi]) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (EDGES[mid] <= hours) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** Median in hours (one decimal) of a histogram bucket → count; null when empty. */
export function medianOfHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const half = total / 2;
  let before = 0;
  for (const [bucket, n] of buckets) {
    if (before + n >= half) {
      const lo = EDGES[bucket];
      // The open-ended last bucket is read as its lower edge.
      const width = bucket + 1 < EDGES.length ? EDGES[bucket + 1] - lo : 0;
      return Math.round((lo + ((half - before) / n) * width) * 10) / 10;
    }
    before += n;
  }
  return null;
}

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 3_600_000;
}
