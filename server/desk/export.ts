// The officer's queue as CSV (GET /api/desk/reports/export.csv, the desk's "Unduh CSV"): the same
// scope and filters as the desk list (service.ts deskFilterOf), so agency A's officer never gets
// agency B's reports, and the reporter's contact only where the desk would show it
// (policy.ts canSeeReporter: never for an anonymous report, whatever the role). Streamed page by
// page like the open data (server/http/stream.ts); cells guarded by the one CSV writer.
import type { DeskUser } from '../../shared/desk.ts';
import type { Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { CSV_BOM, csvLine, type CsvValue } from '../http/csv.ts';
import { pagesOf } from '../http/stream.ts';
import { statusLabel } from '../reports/presenter.ts';
import { canSeeReporter } from './policy.ts';
import { deskFilterOf, type DeskListFilters } from './service.ts';
import { isOverdue } from './sla.ts';

/** Header (Bahasa Indonesia) and how each cell is read from a report, in file order. */
const COLUMNS: readonly [string, (r: Report, ctx: { deps: Deps; user: DeskUser; now: Date }) => CsvValue][] = [
  ['nomor_laporan', (r) => r.publicId],
  ['kategori', (r, { deps }) => deps.catalog.categories.find((c) => c.id === r.category)?.label ?? r.category],
  ['status', (r) => statusLabel(r.status)],
  ['dinas', (r, { deps }) => deps.catalog.agency(r.agencyId)?.name ?? r.agencyId],
  ['kecamatan_kode', (r) => r.kecamatan],
  ['kecamatan', (r, { deps }) => deps.catalog.kecamatanName(r.kecamatan)],
  ['desa_kode', (r) => r.desa],
  ['desa', (r, { deps }) => deps.catalog.desaName(r.desa)],
  ['dibuat', (r) => r.createdAt],
  ['diperbarui', (r) => r.updatedAt],
  ['tenggat_verifikasi', (r) => r.verifyDueAt],
  ['tenggat_berjalan', (r) => r.dueAt],
  ['terlambat', (r, { now }) => (isOverdue(r, now) ? 'ya' : 'tidak')],
  ['rahasia', (r) => (r.confidential ? 'ya' : 'tidak')],
  ['anonim', (r) => (r.anonymous ? 'ya' : 'tidak')],
  ['nama_pelapor', (r, { user }) => (canSeeReporter(user, r) ? r.reporterName : null)],
  ['hp_pelapor', (r, { user }) => (canSeeReporter(user, r) ? r.reporterPhone : null)],
  ['saluran', (r) => r.channel ?? 'web'],
  ['isi', (r) => r.description],
];

export const DESK_EXPORT_HEADER = COLUMNS.map(([name]) => name);

export async function* deskQueueCsv(deps: Deps, user: DeskUser, filters: Omit<DeskListFilters, 'limit' | 'cursor'>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(DESK_EXPORT_HEADER);
  const filter = deskFilterOf(deps, user, filters);
  if (!filter) return;
  const ctx = { deps, user, now: deps.clock() };
  for await (const page of pagesOf((cursor) => deps.store.listReports({ ...filter, cursor, limit: deps.config.exportPageSize }))) {
    if (page.length) yield page.map((r) => csvLine(COLUMNS.map(([, cell]) => cell(r, ctx)))).join('');
  }
}
