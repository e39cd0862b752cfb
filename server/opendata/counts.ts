// Dataset "jumlah-bulanan": reports made per month, kecamatan, desa, category and current
// status, from the read model's desa counters (server/readmodel/counters.ts, `desa:` per month).
// Confidential reports are counted (they are never shown, but they are part of the picture),
// and every count under SMALL_COUNT is written "<3": in a small desa a 1 could point at a person.
import { findCategory } from '../../shared/reference/categories.ts';
import type { Deps } from '../deps.ts';
import { CSV_BOM, csvLine, type CsvValue } from '../http/csv.ts';
import { DESA } from '../readmodel/names.ts';
import { statusLabel } from '../reports/presenter.ts';
import type { ReadModelRow } from '../store/port.ts';
import { headerOf } from './dictionary.ts';
import { monthsWithReports } from './months.ts';
import { sumKept } from '../readmodel/read.ts';

/** Counts below this are not published as numbers. */
export const SMALL_COUNT = 3;

export function suppressed(count: number): string {
  return count < SMALL_COUNT ? `<${SMALL_COUNT}` : String(count);
}

type CountDeps = Pick<Deps, 'store' | 'catalog' | 'clock'>;

function rowOf(deps: CountDeps, r: ReadModelRow): Record<string, CsvValue> {
  const desa = r.name.slice(DESA.length);
  const category = r.key.category ?? '';
  const status = r.key.status || 'new';
  return {
    bulan: r.key.bucket ?? '',
    kecamatan_kode: r.key.kecamatan ?? '', kecamatan: deps.catalog.kecamatanName(r.key.kecamatan ?? ''),
    desa_kode: desa, desa: deps.catalog.desaName(desa),
    kategori_id: category, kategori: deps.catalog.categories.find((c) => c.id === category)?.label ?? findCategory(category)?.label ?? category,
    status_id: status, status: statusLabel(status),
    jumlah: suppressed(r.value),
  };
}

export async function* monthlyCountsCsv(deps: CountDeps): AsyncGenerator<string> {
  const header = headerOf('jumlah-bulanan');
  yield CSV_BOM + csvLine(header);
  for (const month of await monthsWithReports(deps)) {
    const rows = await sumKept(deps, { buckets: [{ grain: 'm', bucket: month }], prefixes: [DESA], by: ['bucket', 'kecamatan', 'category', 'status'] });
    const lines = rows.map((r) => rowOf(deps, r))
      .sort((a, b) => `${a.desa_kode}|${a.kategori_id}|${a.status_id}`.localeCompare(`${b.desa_kode}|${b.kategori_id}|${b.status_id}`))
      .map((row) => csvLine(header.map((h) => row[h] ?? null)));
    if (lines.length) yield lines.join('');
  }
}
