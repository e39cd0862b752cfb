// "Sudah ada laporan serupa — dukung saja?": open public reports like the one being written.
import type { CategoryId, Report, ReportStatus } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import type { ReportListQuery } from '../store/port.ts';
import { boxAround, distanceM } from './geo.ts';

export interface NearbyQuery { category: CategoryId; desa?: string; lat?: number; lng?: number }

export interface NearbyReport {
  publicId: string;
  category: CategoryId;
  desa: { code: string; name: string };
  excerpt: string;
  supportCount: number;
  createdAt: string;
  distanceM: number | null;
}

const OPEN: ReportStatus[] = ['new', 'verified', 'in_progress'];
const WINDOW_DAYS = 30;
// Candidates per read: a month of one category in one desa, or within the radius, stays well under this.
const CANDIDATES = 500;
const SHOWN = 5;
const EXCERPT = 140;

/**
 * Same category, open, public, last 30 days; and same desa, or within DUPLICATE_RADIUS_M when
 * both have a point. Two narrow reads, the desa's reports and the points in the radius's box
 * (the store's point index), not the newest of the whole regency filtered here: at a million
 * reports a month of one category is thousands, and an older report in the desa was missed.
 */
export async function findNearby(deps: Deps, query: NearbyQuery): Promise<NearbyReport[]> {
  const since = new Date(deps.clock().getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const like: ReportListQuery = { categories: [query.category], statuses: OPEN, createdFrom: since, confidential: false, limit: CANDIDATES };
  const point = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
  const kecamatan = query.desa === undefined ? undefined : deps.catalog.kecamatanOfDesa(query.desa);
  const [inDesa, inRadius] = await Promise.all([
    kecamatan ? deps.store.listReports({ ...like, kecamatan, desa: query.desa }) : null,
    point ? deps.store.listReports({ ...like, bbox: boxAround(point, deps.config.duplicateRadiusM) }) : null,
  ]);
  const items = [...new Map([...inDesa?.items ?? [], ...inRadius?.items ?? []].map((r) => [r.publicId, r])).values()];
  const distanceOf = (r: Report) => (point && r.lat !== null && r.lng !== null ? distanceM(point, { lat: r.lat, lng: r.lng }) : null);
  return items
    .filter((r) => !r.confidential)
    .map((r) => ({ report: r, distance: distanceOf(r) }))
    .filter(({ report, distance }) => (query.desa !== undefined && report.desa === query.desa) || (distance !== null && distance <= deps.config.duplicateRadiusM))
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || b.report.supportCount - a.report.supportCount)
    .slice(0, SHOWN)
    .map(({ report, distance }) => ({
      publicId: report.publicId,
      category: report.category,
      desa: { code: report.desa, name: deps.catalog.desaName(report.desa) },
      excerpt: report.description.length > EXCERPT ? `${report.description.slice(0, EXCERPT - 1)}…` : report.description,
      supportCount: report.supportCount,
      createdAt: report.createdAt,
      distanceM: distance === null ? null : Math.round(distance),
    }));
}
