// The months (WIB) that hold reports, oldest first, read from the read model's monthly rows:
// the monthly datasets are written one month at a time, so none is read whole into memory.
import { wibDate } from '../../shared/working-days.ts';
import type { Deps } from '../deps.ts';
import { COUNT } from '../readmodel/names.ts';
import { EARLIEST_DAY } from '../readmodel/read.ts';
import { sumKept } from '../readmodel/read.ts';

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

export async function monthsWithReports(deps: Pick<Deps, 'store' | 'clock'>): Promise<string[]> {
  const last = wibDate(deps.clock()).slice(0, 7);
  const buckets = [];
  for (let month = EARLIEST_DAY.slice(0, 7); month <= last; month = nextMonth(month)) buckets.push({ grain: 'm' as const, bucket: month });
  const rows = await sumKept(deps, { buckets, names: [COUNT], by: ['bucket'] });
  return rows.map((r) => r.key.bucket ?? '').filter(Boolean).sort();
}
