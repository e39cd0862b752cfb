// Dataset "laporan": every listed report, one row each, as the public rules allow
// (server/public/rules.ts, through the public presenter): never a name, phone or tracking code;
// confidential reports are not read at all (the store leaves them out); the text only once
// verified, redacted where the desk redacted it; the exact point only where the rules allow
// it, else the desa's centroid, else none. Read page by page through the store's cursor.
import type { Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import type { ReportLog } from '../store/port.ts';
import { CSV_BOM, csvLine, type CsvValue } from '../http/csv.ts';
import { pagesOf } from '../http/stream.ts';
import { reportUrl } from '../http/links.ts';
import { toPublicListItem } from '../public/presenter.ts';
import { publicText } from '../public/rules.ts';
import { headerOf } from './dictionary.ts';

/** Only the report list is read: the export depends on nothing else of the store. */
type ExportDeps = Pick<Deps, 'catalog' | 'config'> & { store: Pick<ReportLog, 'listReports'> };
type Row = Record<string, CsvValue>;

/** Desa code → its centroid, from the boundaries in use (shipped or imported). */
function desaCentroids(deps: ExportDeps): Map<string, { lat: number; lng: number }> {
  return new Map((deps.catalog.places.boundaries.desa ?? []).map((d) => [d.code, d.centroid]));
}

export function publicReportRow(report: Report, deps: ExportDeps, centroids: ReadonlyMap<string, { lat: number; lng: number }>): Row {
  const item = toPublicListItem(report, deps.catalog);
  const centroid = centroids.get(item.desa.code) ?? null;
  const point = item.point ?? centroid;
  return {
    nomor_laporan: item.publicId,
    tautan: reportUrl(deps.config, item.publicId),
    kategori_id: item.category.id, kategori: item.category.label,
    status_id: item.status.id, status: item.status.label,
    dinas_id: item.agency.id, dinas: item.agency.name,
    kecamatan_kode: item.kecamatan.code, kecamatan: item.kecamatan.name,
    desa_kode: item.desa.code, desa: item.desa.name,
    dibuat: item.createdAt, diperbarui: item.updatedAt,
    dukungan: item.supportCount,
    isi: publicText(report),
    lintang: point?.lat ?? null, bujur: point?.lng ?? null,
    titik_jenis: item.point ? 'tepat' : centroid ? 'pusat_desa' : null,
  };
}

/** The listed reports, newest first, one page of EXPORT_PAGE_SIZE at a time. */
function listedPages(deps: ExportDeps): AsyncGenerator<Report[]> {
  return pagesOf((cursor) => deps.store.listReports({ confidential: false, cursor, limit: deps.config.exportPageSize }));
}

export async function* publicReportsCsv(deps: ExportDeps): AsyncGenerator<string> {
  const header = headerOf('laporan');
  const centroids = desaCentroids(deps);
  yield CSV_BOM + csvLine(header);
  for await (const page of listedPages(deps)) {
    if (page.length === 0) continue;
    yield page.map((r) => { const row = publicReportRow(r, deps, centroids); return csvLine(header.map((h) => row[h] ?? null)); }).join('');
  }
}

/** RFC 7946 FeatureCollection; a report without a public point has `geometry: null`. */
export async function* publicReportsGeoJson(deps: ExportDeps): AsyncGenerator<string> {
  const header = headerOf('laporan');
  const centroids = desaCentroids(deps);
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const page of listedPages(deps)) {
    const features = page.map((r) => {
      const row = publicReportRow(r, deps, centroids);
      const { lintang, bujur } = row;
      const geometry = typeof lintang === 'number' && typeof bujur === 'number' ? { type: 'Point', coordinates: [bujur, lintang] } : null;
      const properties = Object.fromEntries(header.filter((h) => h !== 'lintang' && h !== 'bujur').map((h) => [h, row[h] ?? null]));
      return JSON.stringify({ type: 'Feature', id: row.nomor_laporan, geometry, properties });
    });
    if (features.length === 0) continue;
    yield (first ? '' : ',') + features.join(',');
    first = false;
  }
  yield ']}';
}
