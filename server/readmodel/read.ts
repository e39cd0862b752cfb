// Reading the read model for the map and the panels: a role-scoped report filter becomes a
// counter query over the buckets of its date range. Two things counters cannot answer by
// themselves, "overdue now" depends on the clock:
// - overdue counts: deadlines due before today from the due-day/month counters, plus today's
//   part from the index of open reports' deadlines (a few rows);
// - the map's "overdue only" filter (or overdue with a date range): the open reports past their
//   deadline are read from that index and counted here with the very same rule.
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { wibMidnight } from '../map/scope.ts';
import type { AggregateKey, CounterBucket, CounterDim, ReadModelDelta, ReadModelQuery, ReadModelRow, ReportFilter } from '../store/port.ts';
import { bucketsCovering } from './buckets.ts';
import { countersOf } from './counters.ts';
import { DUE } from './names.ts';
import { narrowest } from './rollups.ts';

/** No report is older than this; the lower end of a range open at the start. */
export const EARLIEST_DAY = '2000-01-01';
const DAY_MS = 86_400_000;

export interface CounterSpec { names?: string[]; prefixes?: string[]; by: CounterDim[]; buckets?: CounterBucket[] }

/** The WIB days a report filter's created range covers (undefined: open). */
export function daysOf(filter: ReportFilter): { from?: string; to?: string } {
  return {
    from: filter.createdFrom ? wibDate(new Date(filter.createdFrom)) : undefined,
    to: filter.createdBefore ? wibDate(new Date(Date.parse(filter.createdBefore) - 1)) : undefined,
  };
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

function counterQuery(filter: ReportFilter, spec: CounterSpec, buckets?: CounterBucket[]): ReadModelQuery {
  const { from, to } = daysOf(filter);
  return {
    buckets: buckets ?? spec.buckets ?? (from || to ? bucketsCovering(from, to, EARLIEST_DAY) : [{ grain: 'all', bucket: '' }]),
    agencyIds: filter.agencyIds, kecamatan: filter.kecamatan, categories: filter.categories, statuses: filter.statuses, confidential: filter.confidential,
    names: spec.names, prefixes: spec.prefixes, by: spec.by,
  };
}

/** The store's sums of the kept counters, each read from the smallest rollup that answers it. */
export function sumKept(deps: Pick<Deps, 'store'>, query: ReadModelQuery): Promise<ReadModelRow[]> {
  return deps.store.sumReadModel(narrowest(query));
}

function bucketKey(b: CounterBucket): string {
  return `${b.grain}\u0000${b.bucket}`;
}

/** What the store's sumReadModel answers, computed from counters listed here (the same rule). */
export function sumCounters(deltas: Iterable<ReadModelDelta>, query: ReadModelQuery): ReadModelRow[] {
  const buckets = new Set(query.buckets.map(bucketKey));
  const names = new Set(query.names ?? []);
  const prefixes = query.prefixes ?? [];
  const sums = new Map<string, ReadModelRow>();
  for (const d of deltas) {
    if (!buckets.has(bucketKey(d))) continue;
    if (!names.has(d.name) && !prefixes.some((p) => d.name.startsWith(p))) continue;
    if (query.agencyIds && !query.agencyIds.includes(d.agencyId)) continue;
    if (query.kecamatan && d.kecamatan !== query.kecamatan) continue;
    if (query.categories?.length && !query.categories.some((c) => c === d.category)) continue;
    if (query.statuses?.length && !query.statuses.some((st) => st === d.status)) continue;
    if (query.confidential !== undefined && d.confidential !== query.confidential) continue;
    const key: ReadModelRow['key'] = {};
    for (const dim of query.by) (key as Record<string, unknown>)[dim] = d[dim];
    const id = `${JSON.stringify(key)}\u0000${d.name}`;
    const seen = sums.get(id);
    if (seen) seen.value += d.value;
    else sums.set(id, { key, name: d.name, value: d.value });
  }
  return [...sums.values()].filter((r) => r.value !== 0);
}

/**
 * Counter sums for a scoped filter. With "overdue only" the reports past their deadline are
 * read through the open-deadline index and counted in memory; otherwise the store sums its rows.
 */
export async function readCounters(deps: Pick<Deps, 'store'>, filter: ReportFilter, spec: CounterSpec): Promise<ReadModelRow[]> {
  if (filter.overdueAt) {
    // The scan applies the date range itself: the all-time rows of what it read are the answer.
    const facts = await deps.store.scanReports({ ...filter, limit: Number.MAX_SAFE_INTEGER, withPupuk: true });
    return sumCounters(facts.flatMap((f) => countersOf({ ...f, pupuk: f.pupuk ?? null })), counterQuery(filter, spec, spec.buckets ?? [{ grain: 'all', bucket: '' }]));
  }
  const { from, to } = daysOf(filter);
  if (from && !to && !spec.buckets) {
    // "Since `from`": all time minus what came before (counters add up), so no end date is guessed.
    const all = await sumKept(deps, counterQuery(filter, spec, [{ grain: 'all', bucket: '' }]));
    // (the `a` rows have no days to subtract, so "since" reads the full rows)
    const before = await sumKept(deps, counterQuery(filter, spec, bucketsCovering(EARLIEST_DAY, dayBefore(from), EARLIEST_DAY)));
    return subtract(all, before);
  }
  return sumKept(deps, counterQuery(filter, spec));
}

function subtract(all: ReadModelRow[], before: ReadModelRow[]): ReadModelRow[] {
  const id = (r: ReadModelRow) => `${JSON.stringify(Object.entries(r.key).sort())}\u0000${r.name}`;
  const rows = new Map(all.map((r) => [id(r), { ...r }]));
  for (const r of before) {
    const seen = rows.get(id(r));
    if (seen) seen.value -= r.value;
    else rows.set(id(r), { ...r, value: -r.value });
  }
  return [...rows.values()].filter((r) => r.value !== 0);
}

/** Open reports past their deadline at `now`, grouped by `by`. */
export async function overdueCounts(deps: Pick<Deps, 'store'>, filter: ReportFilter, now: Date, by: (AggregateKey & CounterDim)[]): Promise<{ key: ReadModelRow['key']; count: number }[]> {
  const nowIso = now.toISOString();
  const { from, to } = daysOf(filter);
  if (from || to || filter.bbox) {
    return (await deps.store.aggregateReports({ ...filter, overdueAt: nowIso, by, now: nowIso })).map((r) => ({ key: r.key, count: r.count }));
  }
  const today = wibDate(now);
  const yesterday = wibDate(new Date(Date.parse(wibMidnight(today)) - DAY_MS / 2));
  // Both at once: each is a hop to a store thread, and the map and the panels wait for the later.
  const [past, todays] = await Promise.all([
    sumKept(deps, counterQuery({ ...filter, overdueAt: undefined }, { names: [DUE], by },
      bucketsCovering(EARLIEST_DAY, yesterday, EARLIEST_DAY, { year: 'dy', month: 'dm', day: 'dd' }))),
    deps.store.aggregateReports({ ...filter, overdueAt: nowIso, dueFrom: wibMidnight(today), by, now: nowIso }),
  ]);
  const sums = new Map<string, { key: ReadModelRow['key']; count: number }>();
  for (const row of [...past.map((r) => ({ key: r.key, count: r.value })), ...todays.map((r) => ({ key: r.key, count: r.count }))]) {
    const id = JSON.stringify(by.map((d) => row.key[d]));
    const seen = sums.get(id);
    if (seen) seen.count += row.count;
    else sums.set(id, { ...row });
  }
  return [...sums.values()].filter((r) => r.count !== 0);
}
