// The public list, one public report, and the public map's counts and road pins. Every read
// goes through the store port with confidential reports left out by the store itself, so a
// later read model (issue 13) can answer these same functions.
import type { KecamatanGroup } from '../../shared/map.ts';
import type { PublicListItem, PublicListPage, PublicMapAnswer, PublicReportDetail } from '../../shared/public.ts';
import type { PublicFilters } from '../../shared/validation/public-filters.ts';
import type { Report } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { decodeCursor } from '../store/cursor.ts';
import type { ReportFilter } from '../store/port.ts';
import { COUNT } from '../readmodel/names.ts';
import { readCounters } from '../readmodel/read.ts';
import { toPublicListItem, toPublicReport } from './presenter.ts';
import { EXACT_POINT_CATEGORIES, isListed, publicPoint, publicText } from './rules.ts';

export const PUBLIC_PAGE_SIZE = 20;
export const FEED_SIZE = 50;
/** Road pins on the public map, newest first; beyond this the map says it shows the newest. */
export const PUBLIC_PIN_LIMIT = 2000;

type ReadDeps = Pick<Deps, 'store' | 'catalog' | 'clock'>;

/** A kecamatan or desa the region does not know, or a desa outside the chosen kecamatan, is a 422. */
function checkPlace(deps: ReadDeps, f: PublicFilters): { kecamatan?: string; desa?: string } {
  const kecamatan = f.kecamatan ? deps.catalog.region.kecamatan.find((k) => k.code === f.kecamatan) : undefined;
  if (f.kecamatan && !kecamatan) throw new AppError('validation_failed', { status: 422, fields: { kecamatan: 'invalid_kecamatan' } });
  if (!f.desa) return { kecamatan: f.kecamatan };
  const owner = deps.catalog.region.kecamatan.find((k) => k.desa.some((d) => d.code === f.desa));
  if (!owner) throw new AppError('validation_failed', { status: 422, fields: { desa: 'invalid_desa' } });
  if (kecamatan && owner !== kecamatan) throw new AppError('validation_failed', { status: 422, fields: { desa: 'desa_not_in_kecamatan' } });
  // The desa's kecamatan narrows too: that is the index the store can use.
  return { kecamatan: owner.code, desa: f.desa };
}

function storeFilter(deps: ReadDeps, f: PublicFilters): ReportFilter {
  return {
    ...checkPlace(deps, f),
    confidential: false,
    categories: f.category ? [f.category] : undefined,
    statuses: f.status ? [f.status] : undefined,
  };
}

async function queryPublic(deps: ReadDeps, f: PublicFilters, limit: number): Promise<{ items: Report[]; nextCursor: string | null }> {
  if (f.sebelum && !decodeCursor(f.sebelum)) throw new AppError('validation_failed', { status: 422, fields: { sebelum: 'invalid_cursor' } });
  const filter = storeFilter(deps, f);
  return deps.store.listReports({ ...filter, cursor: f.sebelum, limit });
}

/** Newest first, one page after the cursor `sebelum`. */
export async function listPublicReports(deps: ReadDeps, f: PublicFilters, limit = PUBLIC_PAGE_SIZE): Promise<PublicListPage> {
  const page = await queryPublic(deps, f, limit);
  return { items: page.items.map((r) => toPublicListItem(r, deps.catalog)), nextCursor: page.nextCursor };
}

/** The feed's entries: the newest of the filter (no cursor), with their text where public. */
export async function publicFeed(deps: ReadDeps, f: PublicFilters): Promise<(PublicListItem & { description: string | null })[]> {
  const page = await queryPublic(deps, { ...f, sebelum: undefined }, FEED_SIZE);
  return page.items.map((r) => ({ ...toPublicListItem(r, deps.catalog), description: publicText(r) }));
}

/** A listed report; an unknown and a confidential one are the same 404. */
export async function findPublicReport(deps: ReadDeps, publicId: string): Promise<Report> {
  const report = await deps.store.getReport(publicId);
  if (!report || !isListed(report)) throw new AppError('public_report_not_found', { status: 404 });
  return report;
}

export async function getPublicReport(deps: ReadDeps, publicId: string): Promise<PublicReportDetail> {
  const report = await findPublicReport(deps, publicId);
  return toPublicReport(report, await deps.store.eventsOfReport(report.publicId), deps.catalog);
}

/** Counts per kecamatan (every kecamatan, zeros too) and the road pins of the same filter. */
export async function publicMap(deps: ReadDeps, f: PublicFilters): Promise<PublicMapAnswer> {
  const filter = storeFilter(deps, f);
  const now = deps.clock().toISOString();
  const groups = new Map<string, KecamatanGroup>(deps.catalog.region.kecamatan.map((k) => [k.code, {
    code: k.code, name: k.name, centroid: k.centroid, total: 0, overdue: 0, byCategory: {}, byStatus: {}, byAgency: {},
  }]));
  // The read model's counters have no desa dimension: one desa is counted from its reports.
  const pinCategories = EXACT_POINT_CATEGORIES.filter((c) => !f.category || c === f.category);
  // The counts and the pins at once: two hops to the store threads, one wait.
  const [rows, pinRows] = await Promise.all([
    filter.desa
      ? deps.store.aggregateReports({ ...filter, by: ['kecamatan', 'category', 'status'], now }).then((found) => found.map((r) => ({ key: r.key, value: r.count })))
      : readCounters(deps, filter, { names: [COUNT], by: ['kecamatan', 'category', 'status'] }),
    pinCategories.length ? deps.store.scanPoints({ ...filter, categories: [...pinCategories], limit: PUBLIC_PIN_LIMIT + 1 }) : [],
  ]);
  for (const { key, value } of rows) {
    const group = groups.get(key.kecamatan ?? '');
    if (!group) continue;
    group.total += value;
    if (key.category) group.byCategory[key.category] = (group.byCategory[key.category] ?? 0) + value;
    if (key.status) group.byStatus[key.status] = (group.byStatus[key.status] ?? 0) + value;
  }
  const pins = pinRows.slice(0, PUBLIC_PIN_LIMIT).flatMap((r) => {
    const point = publicPoint(r);
    return point ? [{ publicId: r.publicId, category: r.category, status: r.status, ...point }] : [];
  });
  return {
    kecamatan: [...groups.values()].map(({ code, name, centroid, total, byCategory, byStatus }) => ({ code, name, centroid, total, byCategory, byStatus })),
    pins, truncated: pinRows.length > PUBLIC_PIN_LIMIT,
  };
}
