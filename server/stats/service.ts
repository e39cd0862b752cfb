// The map's side panel: how each agency keeps its deadlines, the pupuk picture, and the
// weekly trend. All within the user's scope and the map's filters.
import type { DeskUser } from '../../shared/desk.ts';
import type { AgencyStats, MapFilters, PupukStats, TrendAnswer, TrendWeek } from '../../shared/map.ts';
import { hetOn } from '../../shared/reference/fertiliser.ts';
import { isClosed } from '../../shared/reference/statuses.ts';
import type { FertiliserType, PupukProblem } from '../../shared/types.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { reportFilterFor, wibMidnight } from '../map/scope.ts';
import {
  ANSWERED, COUNT, KIOSK, KIOSK_SPELLING, ON_TIME, OVER_HET_SUM, PRICE_SUM, PRICED, PROBLEM, RESOLVE_HOURS, VERIFY_HOURS,
} from '../readmodel/names.ts';
import { mondayOf } from '../readmodel/buckets.ts';
import { medianOfHistogram } from '../readmodel/hours.ts';
import { daysOf, overdueCounts, readCounters } from '../readmodel/read.ts';
import type { CounterBucket, ReportFilter } from '../store/port.ts';

const DAY_MS = 86_400_000;
export const TREND_WEEKS = 12;
const TOP_KIOSKS = 10;

/** One row per agency the user may see (their own for agency roles), zeros included. */
export async function agencyStats(deps: Deps, user: DeskUser, filters: MapFilters): Promise<{ items: AgencyStats[] }> {
  const now = deps.clock();
  const visible = user.role === 'officer' || user.role === 'agency_admin'
    ? deps.catalog.agencies.filter((a) => user.agencyIds.includes(a.id))
    : deps.catalog.agencies;
  const stats = new Map<string, AgencyStats>(visible.map((a) => [a.id, {
    agencyId: a.id, name: a.name, total: 0, open: 0, overdue: 0, answered: 0,
    answeredOnTimeShare: null, medianHoursToVerify: null, medianHoursToResolve: null,
  }]));
  const filter = reportFilterFor(user, filters, now);
  if (!filter) return { items: [...stats.values()] };
  const histograms = new Map<string, { verify: Map<number, number>; resolve: Map<number, number> }>();
  const histogramOf = (agencyId: string) => {
    let h = histograms.get(agencyId);
    if (!h) histograms.set(agencyId, (h = { verify: new Map(), resolve: new Map() }));
    return h;
  };
  // Two reads, so each is answered by the smallest rollup: totals need the status (open or
  // not), the answer times do not. The overdue counts at the same time: one wait, not two.
  const [totals, times, overdue] = await Promise.all([
    readCounters(deps, filter, { names: [COUNT], by: ['agencyId', 'status'] }),
    readCounters(deps, filter, { names: [ANSWERED, ON_TIME], prefixes: [VERIFY_HOURS, RESOLVE_HOURS], by: ['agencyId'] }),
    filter.overdueAt ? [] : overdueCounts(deps, filter, now, ['agencyId']),
  ]);
  const counters = [...totals, ...times];
  const onTime = new Map<string, number>();
  for (const { key, name, value } of counters) {
    const row = stats.get(key.agencyId ?? '');
    if (!row) continue;
    if (name === COUNT) {
      row.total += value;
      if (key.status && !isClosed(key.status)) row.open += value;
    } else if (name === ANSWERED) row.answered += value;
    else if (name === ON_TIME) onTime.set(row.agencyId, (onTime.get(row.agencyId) ?? 0) + value);
    else {
      const verify = name.startsWith(VERIFY_HOURS);
      const histogram = verify ? histogramOf(row.agencyId).verify : histogramOf(row.agencyId).resolve;
      const bucket = Number(name.slice(verify ? VERIFY_HOURS.length : RESOLVE_HOURS.length));
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + value);
    }
  }
  for (const { key, count } of overdue) {
    const row = stats.get(key.agencyId ?? '');
    if (row) row.overdue += count;
  }
  for (const row of stats.values()) {
    if (filter.overdueAt) row.overdue = row.total;
    row.answeredOnTimeShare = row.answered ? Math.round(((onTime.get(row.agencyId) ?? 0) / row.answered) * 1000) / 1000 : null;
    const h = histograms.get(row.agencyId);
    row.medianHoursToVerify = h ? medianOfHistogram(h.verify) : null;
    row.medianHoursToResolve = h ? medianOfHistogram(h.resolve) : null;
  }
  return { items: [...stats.values()] };
}

/** The spelling most reports used; on a tie the first in code-point order (capitals first: "Kios Makmur" before "kios makmur"). */
function displayName(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0][0];
}

/**
 * The pupuk panel from the read model: totals per kecamatan, prices per fertiliser type, problems
 * and the kiosks most reported (merged by normalised name, shown as most reports spelled it),
 * every figure over all the filtered pupuk reports, exact, with every map filter honoured.
 */
export async function pupukStats(deps: Deps, user: DeskUser, filters: MapFilters): Promise<PupukStats> {
  const empty: PupukStats = { total: 0, kiosks: [], prices: [], problems: [], byKecamatan: [] };
  if (filters.categories.length && !filters.categories.includes('pupuk')) return empty;
  const now = deps.clock();
  const filter = reportFilterFor(user, { ...filters, categories: ['pupuk'] }, now);
  if (!filter) return empty;
  // Per kecamatan only the count; the figures over all of them; the kecamatan of the top kiosks
  // last. Each read is then answered by a small rollup (2,656 rows at 1,000,000 reports were
  // read for the one read by kecamatan that did it all).
  const [counts, figures] = await Promise.all([
    readCounters(deps, filter, { names: [COUNT], by: ['kecamatan'] }),
    readCounters(deps, filter, { prefixes: [PRICED, PRICE_SUM, OVER_HET_SUM, PROBLEM, KIOSK], by: [] }),
  ]);
  const rows = [...counts, ...figures];
  const byKecamatan = new Map<string, number>();
  const prices = new Map<FertiliserType, { reports: number; sum: number; over: number }>();
  const problems = new Map<PupukProblem, number>();
  const kiosks = new Map<string, { count: number; kecamatan: Set<string> }>();
  const priceOf = (type: string) => {
    let price = prices.get(type as FertiliserType);
    if (!price) prices.set(type as FertiliserType, (price = { reports: 0, sum: 0, over: 0 }));
    return price;
  };
  let total = 0;
  for (const { key, name, value } of rows) {
    const kecamatan = key.kecamatan ?? '';
    if (name === COUNT) {
      total += value;
      byKecamatan.set(kecamatan, (byKecamatan.get(kecamatan) ?? 0) + value);
    } else if (name.startsWith(PRICED)) priceOf(name.slice(PRICED.length)).reports += value;
    else if (name.startsWith(PRICE_SUM)) priceOf(name.slice(PRICE_SUM.length)).sum += value;
    else if (name.startsWith(OVER_HET_SUM)) priceOf(name.slice(OVER_HET_SUM.length)).over += value;
    else if (name.startsWith(PROBLEM)) {
      const problem = name.slice(PROBLEM.length) as PupukProblem;
      problems.set(problem, (problems.get(problem) ?? 0) + value);
    } else if (name.startsWith(KIOSK)) {
      const id = name.slice(KIOSK.length);
      const kiosk = kiosks.get(id) ?? { count: 0, kecamatan: new Set<string>() };
      kiosk.count += value;
      kiosks.set(id, kiosk);
    }
  }
  const top = [...kiosks.entries()].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b)).slice(0, TOP_KIOSKS);
  if (top.length) {
    for (const { key, name } of await readCounters(deps, filter, { names: top.map(([id]) => `${KIOSK}${id}`), by: ['kecamatan'] })) {
      kiosks.get(name.slice(KIOSK.length))?.kecamatan.add(key.kecamatan ?? '');
    }
  }
  // Spellings only for the kiosks shown.
  const spellings = new Map<string, Map<string, number>>();
  if (top.length) {
    // How a kiosk is named is read over all time (within the user's scope): the name, not a count.
    const scope = { agencyIds: filter.agencyIds, kecamatan: filter.kecamatan, categories: filter.categories };
    for (const { name, value } of await readCounters(deps, scope, { prefixes: top.map(([id]) => `${KIOSK_SPELLING}${id}|`), by: [], buckets: [{ grain: 'all', bucket: '' }] })) {
      const [id, spelling] = name.slice(KIOSK_SPELLING.length).split('|');
      const seen = spellings.get(id) ?? new Map<string, number>();
      seen.set(spelling, (seen.get(spelling) ?? 0) + value);
      spellings.set(id, seen);
    }
  }
  const today = wibDate(now);
  return {
    total,
    kiosks: top.map(([id, k]) => ({ name: spellings.has(id) ? displayName(spellings.get(id)!) : id, count: k.count, kecamatan: [...k.kecamatan].sort() }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    prices: [...prices.entries()].filter(([, p]) => p.reports > 0).sort(([a], [b]) => a.localeCompare(b)).map(([type, p]) => ({
      fertiliserType: type, reports: p.reports, avgPricePerKg: Math.round(p.sum / p.reports),
      hetPerKg: hetOn(type, today)?.perKg ?? null, avgOverHetPerKg: Math.round(p.over / p.reports),
    })),
    problems: [...problems.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([id, count]) => ({ id, count })),
    byKecamatan: deps.catalog.region.kecamatan.filter((k) => byKecamatan.has(k.code))
      .map((k) => ({ code: k.code, name: k.name, count: byKecamatan.get(k.code)! }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}


/** Reports created per week (Monday to Sunday, WIB) over the last 12 weeks, this one included. */
export async function weeklyTrend(deps: Deps, user: DeskUser, filters: MapFilters): Promise<TrendAnswer> {
  const now = deps.clock();
  return trendOf(deps, reportFilterFor(user, filters, now), now);
}

/** The same weeks for any store filter (null: nothing can match, all weeks zero). */
export async function trendOf(deps: Pick<Deps, 'store'>, filter: ReportFilter | null, now: Date): Promise<TrendAnswer> {
  const thisMonday = mondayOf(wibDate(now));
  const firstMonday = new Date(Date.parse(`${thisMonday}T00:00:00Z`) - (TREND_WEEKS - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const weeks = new Map<string, TrendWeek>();
  for (let i = 0; i < TREND_WEEKS; i++) {
    const weekStart = new Date(Date.parse(`${firstMonday}T00:00:00Z`) + i * 7 * DAY_MS).toISOString().slice(0, 10);
    weeks.set(weekStart, { weekStart, total: 0, closed: 0, byCategory: {} });
  }
  if (!filter) return { weeks: [...weeks.values()] };
  const from = wibMidnight(firstMonday);
  const createdFrom = filter.createdFrom && filter.createdFrom > from ? filter.createdFrom : from;
  const scoped = { ...filter, createdFrom };
  // A week inside the date range is one week row; a week the range cuts is read by its days.
  const { from: fromDay, to: toDay } = daysOf(scoped);
  const buckets: CounterBucket[] = [];
  const weekOfDay = new Map<string, string>();
  for (const weekStart of weeks.keys()) {
    const days = Array.from({ length: 7 }, (_, i) => new Date(Date.parse(`${weekStart}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10));
    const inside = days.filter((d) => (!fromDay || d >= fromDay) && (!toDay || d <= toDay));
    if (inside.length === 7) buckets.push({ grain: 'w', bucket: weekStart });
    else for (const d of inside) buckets.push({ grain: 'd', bucket: d });
    for (const d of days) weekOfDay.set(d, weekStart);
  }
  if (buckets.length === 0) return { weeks: [...weeks.values()] };
  for (const { key, value } of await readCounters(deps, scoped, { names: [COUNT], by: ['bucket', 'category', 'status'], buckets })) {
    const week = weeks.get(weekOfDay.get(key.bucket ?? '') ?? key.bucket ?? '');
    if (!week) continue;
    week.total += value;
    if (key.status && isClosed(key.status)) week.closed += value;
    if (key.category) week.byCategory[key.category] = (week.byCategory[key.category] ?? 0) + value;
  }
  return { weeks: [...weeks.values()] };
}
