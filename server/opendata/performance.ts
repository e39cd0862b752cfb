// Dataset "kinerja-dinas": per agency and month of creation, how many reports, how many can be
// judged, how many were answered within their deadline, and the median hours to verify and
// to resolve. The same counters and the same rule as /statistik (server/public/statistics.ts:
// tallyAgencies, agencyFigures), per month instead of the last 30 days.
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { CSV_BOM, csvLine, type CsvValue } from '../http/csv.ts';
import { addUnansweredLate, AGENCY_COUNTERS, agencyFigures, tallyAgencies } from '../public/statistics.ts';
import { headerOf } from './dictionary.ts';
import { monthsWithReports } from './months.ts';
import { sumKept } from '../readmodel/read.ts';

type PerformanceDeps = Pick<Deps, 'store' | 'catalog' | 'clock'>;

/** Open `new` reports past their verify deadline now, per WIB month of creation and agency. */
async function unansweredLate(deps: PerformanceDeps): Promise<Map<string, Map<string, number>>> {
  const now = deps.clock().toISOString();
  // The open-deadline index holds only open reports, so this reads a few rows, not the store.
  const rows = await deps.store.aggregateReports({ statuses: ['new'], overdueAt: now, now, by: ['agencyId', 'hour'] });
  const byMonth = new Map<string, Map<string, number>>();
  for (const { key, count } of rows) {
    if (!key.hour) continue;
    const month = wibDate(new Date(`${key.hour}:00:00Z`)).slice(0, 7);
    const agencies = byMonth.get(month) ?? new Map<string, number>();
    byMonth.set(month, agencies);
    agencies.set(key.agencyId ?? '', (agencies.get(key.agencyId ?? '') ?? 0) + count);
  }
  return byMonth;
}

export async function* agencyPerformanceCsv(deps: PerformanceDeps): AsyncGenerator<string> {
  const header = headerOf('kinerja-dinas');
  yield CSV_BOM + csvLine(header);
  const late = await unansweredLate(deps);
  for (const month of await monthsWithReports(deps)) {
    const counters = await sumKept(deps, { buckets: [{ grain: 'm', bucket: month }], names: [...AGENCY_COUNTERS.names], prefixes: [...AGENCY_COUNTERS.prefixes], by: ['agencyId'] });
    const tallies = tallyAgencies(counters);
    for (const [agencyId, count] of late.get(month) ?? []) addUnansweredLate(tallies, agencyId, count);
    const lines: string[] = [];
    for (const [agencyId, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
      const f = agencyFigures(tally);
      const row: Record<string, CsvValue> = {
        bulan: month, dinas_id: agencyId, dinas: deps.catalog.agency(agencyId)?.name ?? agencyId,
        laporan: f.reported, dinilai: f.judged, dijawab_tepat_waktu: f.answeredOnTime,
        persen_tepat_waktu: f.onTimeShare === null ? null : Math.round(f.onTimeShare * 1000) / 10,
        median_jam_verifikasi: f.medianHoursToVerify, median_jam_selesai: f.medianHoursToResolve,
      };
      lines.push(csvLine(header.map((h) => row[h] ?? null)));
    }
    if (lines.length) yield lines.join('');
  }
}
