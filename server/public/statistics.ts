// /statistik: how the regency answers its citizens, counted over every report (confidential
// ones included: they are counted, never shown). Each figure is a grouped count or a timing
// from the store port, so the read model (issue 13) can answer the same calls at scale.
import type { TrendAnswer } from '../../shared/map.ts';
import type { Deps } from '../deps.ts';
import { medianHours } from '../stats/median.ts';
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

/** "Answered" is any status after `new`: verified, in progress, or closed (resolved, rejected, merged). */
function tally(rows: { key: { status?: string }; count: number }[]): { reported: number; answered: number; resolved: number } {
  const out = { reported: 0, answered: 0, resolved: 0 };
  for (const { key, count } of rows) {
    out.reported += count;
    if (key.status && key.status !== 'new') out.answered += count;
    if (key.status === 'resolved') out.resolved += count;
  }
  return out;
}

export async function publicStatistics(deps: StatsDeps): Promise<PublicStatistics> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

  const windows = await Promise.all(WINDOWS.map(async (days) => ({
    days, ...tally(await deps.store.aggregateReports({ createdFrom: since(days), by: ['status'], now: nowIso })),
  })));

  const createdFrom = since(TABLE_DAYS);
  const agencies = new Map<string, AgencyFigures>(deps.catalog.agencies.map((a) => [a.id, {
    agencyId: a.id, name: a.name, reported: 0, judged: 0, answeredOnTime: 0, onTimeShare: null, medianHoursToVerify: null, medianHoursToResolve: null,
  }]));
  // Still `new` and past the verify deadline: unanswered and late, so it counts against the share.
  for (const { key, count } of await deps.store.aggregateReports({ createdFrom, by: ['agencyId', 'status', 'overdue'], now: nowIso })) {
    const row = agencies.get(key.agencyId ?? '');
    if (!row) continue;
    row.reported += count;
    if (key.status === 'new' && key.overdue) row.judged += count;
  }
  for (const t of await deps.store.agencyAnswerTimes({ createdFrom })) {
    const row = agencies.get(t.agencyId);
    if (!row) continue;
    row.judged += t.answered;
    row.answeredOnTime = t.answeredOnTime;
    row.medianHoursToVerify = medianHours(t.msToVerify);
    row.medianHoursToResolve = medianHours(t.msToResolve);
  }
  for (const row of agencies.values()) row.onTimeShare = row.judged ? Math.round((row.answeredOnTime / row.judged) * 1000) / 1000 : null;

  const byKecamatan = new Map<string, { key: { status?: string }; count: number }[]>();
  for (const row of await deps.store.aggregateReports({ createdFrom, by: ['kecamatan', 'status'], now: nowIso })) {
    const list = byKecamatan.get(row.key.kecamatan ?? '') ?? [];
    list.push(row);
    byKecamatan.set(row.key.kecamatan ?? '', list);
  }
  const kecamatan = deps.catalog.region.kecamatan.map((k) => ({ code: k.code, name: k.name, ...tally(byKecamatan.get(k.code) ?? []) }));

  return { at: nowIso, windows, agencies: [...agencies.values()], kecamatan, trend: await trendOf(deps, {}, now) };
}
