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
import type { ReportFacts, ReportFilter } from '../store/port.ts';
import { medianHours } from './median.ts';

/** Pupuk figures read at most this many reports (newest first); far beyond a regency's year. */
export const STATS_SCAN_LIMIT = 200_000;
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
  for (const { key, count } of await deps.store.aggregateReports({ ...filter, by: ['agencyId', 'status', 'overdue'], now: now.toISOString() })) {
    const row = stats.get(key.agencyId ?? '');
    if (!row) continue;
    row.total += count;
    if (key.status && !isClosed(key.status)) row.open += count;
    if (key.overdue) row.overdue += count;
  }
  for (const t of await deps.store.agencyAnswerTimes(filter)) {
    const row = stats.get(t.agencyId);
    if (!row) continue;
    row.answered = t.answered;
    row.answeredOnTimeShare = t.answered ? Math.round((t.answeredOnTime / t.answered) * 1000) / 1000 : null;
    row.medianHoursToVerify = medianHours(t.msToVerify);
    row.medianHoursToResolve = medianHours(t.msToResolve);
  }
  return { items: [...stats.values()] };
}

/** The spelling most reports used; on a tie the first one reported. */
function displayName(spellings: Map<string, { count: number; oldest: string }>): string {
  return [...spellings.entries()].sort(([a, x], [b, y]) => y.count - x.count || x.oldest.localeCompare(y.oldest) || a.localeCompare(b))[0][0];
}

/** Kiosk names as farmers type them: "kios  makmur" and "Kios Makmur" are one kiosk. */
function kioskKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export async function pupukStats(deps: Deps, user: DeskUser, filters: MapFilters): Promise<PupukStats> {
  const empty: PupukStats = { total: 0, kiosks: [], prices: [], problems: [], byKecamatan: [] };
  if (filters.categories.length && !filters.categories.includes('pupuk')) return empty;
  const now = deps.clock();
  const filter = reportFilterFor(user, { ...filters, categories: ['pupuk'] }, now);
  if (!filter) return empty;
  const rows: ReportFacts[] = await deps.store.scanReports({ ...filter, limit: STATS_SCAN_LIMIT, withPupuk: true });
  const kiosks = new Map<string, { spellings: Map<string, { count: number; oldest: string }>; count: number; kecamatan: Set<string> }>();
  const prices = new Map<FertiliserType, { reports: number; sum: number; over: number }>();
  const problems = new Map<PupukProblem, number>();
  const byKecamatan = new Map<string, number>();
  for (const r of rows) {
    byKecamatan.set(r.kecamatan, (byKecamatan.get(r.kecamatan) ?? 0) + 1);
    const p = r.pupuk;
    if (!p) continue;
    if (p.kioskName?.trim()) {
      const key = kioskKey(p.kioskName);
      let kiosk = kiosks.get(key);
      if (!kiosk) kiosks.set(key, (kiosk = { spellings: new Map(), count: 0, kecamatan: new Set() }));
      kiosk.count += 1;
      kiosk.kecamatan.add(r.kecamatan);
      const spelling = p.kioskName.trim().replace(/\s+/g, ' ');
      const seen = kiosk.spellings.get(spelling) ?? { count: 0, oldest: r.createdAt };
      kiosk.spellings.set(spelling, { count: seen.count + 1, oldest: r.createdAt < seen.oldest ? r.createdAt : seen.oldest });
    }
    if (p.fertiliserType && typeof p.pricePerKg === 'number') {
      const type = p.fertiliserType as FertiliserType;
      const price = prices.get(type) ?? { reports: 0, sum: 0, over: 0 };
      price.reports += 1;
      price.sum += p.pricePerKg;
      price.over += p.overHetPerKg ?? 0;
      prices.set(type, price);
    }
    for (const problem of p.problems) problems.set(problem as PupukProblem, (problems.get(problem as PupukProblem) ?? 0) + 1);
  }
  const today = wibDate(now);
  return {
    total: rows.length,
    kiosks: [...kiosks.values()].map((k) => ({ ...k, name: displayName(k.spellings) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, TOP_KIOSKS)
      .map((k) => ({ name: k.name, count: k.count, kecamatan: [...k.kecamatan].sort() })),
    prices: [...prices.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, p]) => ({
      fertiliserType: type, reports: p.reports, avgPricePerKg: Math.round(p.sum / p.reports),
      hetPerKg: hetOn(type, today)?.perKg ?? null, avgOverHetPerKg: Math.round(p.over / p.reports),
    })),
    problems: [...problems.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([id, count]) => ({ id, count })),
    byKecamatan: deps.catalog.region.kecamatan.filter((k) => byKecamatan.has(k.code))
      .map((k) => ({ code: k.code, name: k.name, count: byKecamatan.get(k.code)! }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/** The Monday (YYYY-MM-DD, WIB) of the week containing this UTC hour (`YYYY-MM-DDTHH`). */
export function wibWeekOfHour(hour: string): string {
  return mondayOf(wibDate(new Date(`${hour}:00:00.000Z`)));
}

/** The Monday (YYYY-MM-DD, WIB) of the week containing this WIB date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY_MS).toISOString().slice(0, 10);
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
  for (const { key, count } of await deps.store.aggregateReports({ ...filter, createdFrom, by: ['hour', 'category', 'status'], now: now.toISOString() })) {
    const week = key.hour ? weeks.get(wibWeekOfHour(key.hour)) : undefined;
    if (!week) continue;
    week.total += count;
    if (key.status && isClosed(key.status)) week.closed += count;
    if (key.category) week.byCategory[key.category] = (week.byCategory[key.category] ?? 0) + count;
  }
  return { weeks: [...weeks.values()] };
}
