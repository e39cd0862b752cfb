// A seeded random source for demo data: the same --seed gives the same demo, so a benchmark run
// twice measures the same store.

export type Random = () => number;

/** mulberry32: small, fast, good enough to spread demo data. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  let r = random() * table.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1][0];
}

/** Hours a step took: mostly around the median, with a long tail of weeks (log-normal-ish). */
export function hoursAround(random: Random, median: number): number {
  return Math.max(0.2, median * Math.exp((random() + random() + random() - 1.5) * 1.6));
}
