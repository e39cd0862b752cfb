// /statistik: how the regency answers its citizens, counted over every report (confidential
// ones included: they are counted, never shown).
import type { TrendAnswer } from '../../shared/map.ts';
import type { Deps } from '../deps.ts';
import { ANSWERED, COUNT, ON_TIME, RESOLVE_HOURS, VERIFY_HOURS } from '../readmodel/names.ts';
import { medianOfHistogram } from '../readmodel/hours.ts';
import { overdueCounts, readCounters } from '../readmodel/read.ts';
import { trendOf } from '../stats/service.ts';

const DAY_MS = 86_400_000;
/** The windows of the headline figures, in days back from now. */
export const WINDOWS = [7, 30] as const;
/** Agencies and kecamatan are judged over reports made in this many days. */
export const TABLE_DAYS = 30;

export interface WindowFigures { days: number; reported: number; answered: number; resolved: number }

export interface AgencyFigures {
  agencyId: string;
  name: string;
  reported: number;
  /** Reports whose first answer is due by now or already given: the ones that can be judged. */
  judged: number;
  answeredOnTime: number;
  /** answeredOnTime / judged; null when nothing can be judged yet. */
  onTimeShare: number | null;
  medianHoursToVerify: number | null;
  medianHoursToResolve: number | null;
}

export interface KecamatanFigures { code: string; name: string; reported: number; answered: number; resolved: number }

export interface PublicStatistics {
  at: string;
  windows: WindowFigures[];
  agencies: AgencyFigures[];
  kecamatan: KecamatanFigures[];
  trend: TrendAnswer;
}

type StatsDeps = Pick<Deps, 'store' | 'catalog' | 'clock'>;

type Row = { key: { status?: string }; value: number };

/** "Answered" is any status after `new`: verified, in progress, or closed (resolved, rejected, merged). */
function tally(rows: Row[]): { reported: number; answered: number; resolved: number } {
  const out = { reported: 0, answered: 0, resolved: 0 };
  for (const { key, value } of rows) {
    out.reported += value;
    if (key.status && key.status !== 'new') out.answered += value;
    if (key.status === 'resolved') out.resolved += value;
  }
  return out;
}

function histogramAdd(histogram: Map<number, number>, name: string, prefix: string, value: number): void {
  const bucket = Number(name.slice(prefix.length));
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + value);
}

/** The counters an agency's figures are made of (read with `by` including agencyId). */
export const AGENCY_COUNTERS = { names: [COUNT, ANSWERED, ON_TIME], prefixes: [VERIFY_HOURS, RESOLVE_HOURS] } as const;

export interface AgencyTally { reported: number; judged: number; answeredOnTime: number; verify: Map<number, number>; resolve: Map<number, number> }

function emptyTally(): AgencyTally {
  return { reported: 0, judged: 0, answeredOnTime: 0, verify: new Map(), resolve: new Map() };
}

/** Counter rows (AGENCY_COUNTERS, by agencyId) summed per agency. */
export function tallyAgencies(rows: readonly { key: { agencyId?: string }; name: string; value: number }[]): Map<string, AgencyTally> {
  const tallies = new Map<string, AgencyTally>();
  for (const { key, name, value } of rows) {
    const id = key.agencyId ?? '';
    const row = tallies.get(id) ?? emptyTally();
    tallies.set(id, row);
    if (name === COUNT) row.reported += value;
    else if (name === ANSWERED) row.judged += value;
    else if (name === ON_TIME) row.answeredOnTime += value;
    else if (name.startsWith(VERIFY_HOURS)) histogramAdd(row.verify, name, VERIFY_HOURS, value);
    else if (name.startsWith(RESOLVE_HOURS)) histogramAdd(row.resolve, name, RESOLVE_HOURS, value);
  }
  return tallies;
}

/** Still `new` past the verify deadline: unanswered and late, so judged (and not on time). */
export function addUnansweredLate(tallies: Map<string, AgencyTally>, agencyId: string, count: number): void {
  const row = tallies.get(agencyId) ?? emptyTally();
  tallies.set(agencyId, row);
  row.judged += count;
}

/** An agency's published figures: on-time share of the judged, and the medians of the histograms. */
export function agencyFigures(tally: AgencyTally | undefined): Omit<AgencyFigures, 'agencyId' | 'name'> {
  const t = tally ?? emptyTally();
  return {
    reported: t.reported, judged: t.judged, answeredOnTime: t.answeredOnTime,
    onTimeShare: t.judged ? Math.round((t.answeredOnTime / t.judged) * 1000) / 1000 : null,
    medianHoursToVerify: medianOfHistogram(t.verify),
    medianHoursToResolve: medianOfHistogram(t.resolve),
  };
}

/**
 * Every figure from the read model's counters (server/readmodel/), whose day buckets make "the
 * last N days" the reports made since that WIB calendar day; only "unanswered and late" reads
 * the open reports' deadline index, as the staff map's overdue counts do.
 */
export async function publicStatistics(deps: StatsDeps): Promise<PublicStatistics> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  // Both ends given, so the counters are read over the days of the window alone (an open end
  // would be read as "all time minus everything before", hundreds of buckets).
  const window = (days: number) => ({ createdFrom: new Date(now.getTime() - days * DAY_MS).toISOString(), createdBefore: nowIso });

  const windows: WindowFigures[] = [];
  for (const days of WINDOWS) windows.push({ days, ...tally(await readCounters(deps, window(days), { names: [COUNT], by: ['status'] })) });

  const filter = window(TABLE_DAYS);
  const tallies = tallyAgencies(await readCounters(deps, filter, { names: [...AGENCY_COUNTERS.names], prefixes: [...AGENCY_COUNTERS.prefixes], by: ['agencyId'] }));
  // Still `new` and past the verify deadline: unanswered and late, so it counts against the share.
  for (const { key, count } of await overdueCounts(deps, { ...filter, statuses: ['new'] }, now, ['agencyId'])) {
    addUnansweredLate(tallies, key.agencyId ?? '', count);
  }
  const agencyRows = deps.catalog.agencies.map((a) => ({ agencyId: a.id, name: a.name, ...agencyFigures(tallies.get(a.id)) }));

  const byKecamatan = new Map<string, Row[]>();
  for (const row of await readCounters(deps, filter, { names: [COUNT], by: ['kecamatan', 'status'] })) {
    const list = byKecamatan.get(row.key.kecamatan ?? '') ?? [];
    list.push(row);
    byKecamatan.set(row.key.kecamatan ?? '', list);
  }
  const kecamatan = deps.catalog.region.kecamatan.map((k) => ({ code: k.code, name: k.name, ...tally(byKecamatan.get(k.code) ?? []) }));

  return { at: nowIso, windows, agencies: agencyRows, kecamatan, trend: await trendOf(deps, {}, now) };
}
