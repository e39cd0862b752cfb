// The map's use cases: counts per kecamatan and report pins, both within the user's scope.
import type { DeskUser } from '../../shared/desk.ts';
import { pinCoordinate, type KecamatanAnswer, type KecamatanGroup, type MapFilters, type MapPinAnswer, type MapPinFeature, type MapPointAnswer } from '../../shared/map.ts';
import type { Deps } from '../deps.ts';
import { COUNT } from '../readmodel/names.ts';
import { overdueCounts, readCounters } from '../readmodel/read.ts';
import type { Bounds } from '../../shared/geo.ts';
import type { ReadModelRow } from '../store/port.ts';
import { reportFilterFor } from './scope.ts';

/**
 * Counts for every kecamatan of the region (zeros included), in region order, from the read
 * model's counters (exact; "overdue" from the open reports' deadlines, see readmodel/read.ts).
 */
export async function kecamatanGroups(deps: Deps, user: DeskUser, filters: MapFilters): Promise<KecamatanAnswer> {
  const lastSeq = await deps.store.lastSeq();
  const now = deps.clock();
  const polygons = new Map((deps.catalog.places.boundaries.kecamatan ?? []).map((f) => [f.code, f]));
  const groups = new Map<string, KecamatanGroup>(deps.catalog.region.kecamatan.map((k) => [k.code, {
    code: k.code, name: k.name, centroid: k.centroid ?? polygons.get(k.code)?.centroid ?? null,
    total: 0, overdue: 0, byCategory: {}, byStatus: {}, byAgency: {},
  }]));
  const filter = reportFilterFor(user, filters, now);
  if (!filter) return { items: [...groups.values()], total: 0, lastSeq };
  const by = ['kecamatan', 'category', 'status', 'agencyId'] as const;
  type Row = { key: ReadModelRow['key']; count: number };
  // With "overdue only" every report counted is overdue: one read gives both. Otherwise one
  // sum per breakdown: each is a few hundred rows, where grouped by all four at once it was
  // thousands (3,800 at 100,000 reports), and making those rows was most of the read's time.
  const counted = (dims: (typeof by)[number][]) => readCounters(deps, filter, { names: [COUNT], by: ['kecamatan', ...dims] })
    .then((rows): Row[] => rows.map((r) => ({ key: r.key, count: r.value })));
  // The counts and the overdue ones at once: each is a hop to a store thread, and the answer
  // waits for the last.
  const [[byCategory, byStatus, byAgency], overdue] = await Promise.all([
    filter.overdueAt
      ? overdueCounts(deps, filter, now, [...by]).then((rows) => [rows, rows, rows])
      : Promise.all([counted(['category']), counted(['status']), counted(['agencyId'])]),
    filter.overdueAt ? [] : overdueCounts(deps, filter, now, ['kecamatan']),
  ]);
  let total = 0;
  for (const { key, count } of byCategory) {
    const group = groups.get(key.kecamatan ?? '');
    if (!group) continue; // a kecamatan code the region no longer knows is not drawn
    total += count;
    group.total += count;
    if (key.category) group.byCategory[key.category] = (group.byCategory[key.category] ?? 0) + count;
  }
  for (const { key, count } of byStatus) {
    const group = groups.get(key.kecamatan ?? '');
    if (group && key.status) group.byStatus[key.status] = (group.byStatus[key.status] ?? 0) + count;
  }
  for (const { key, count } of byAgency) {
    const group = groups.get(key.kecamatan ?? '');
    if (group && key.agencyId) group.byAgency[key.agencyId] = (group.byAgency[key.agencyId] ?? 0) + count;
  }
  for (const { key, count } of filter.overdueAt ? byCategory : overdue) {
    const group = groups.get(key.kecamatan ?? '');
    if (group) group.overdue += count;
  }
  return { items: [...groups.values()], total, lastSeq };
}

export interface PinQuery { bbox?: Bounds; kecamatan?: string; limit: number }

/**
 * Reports as GeoJSON points, newest first. With a bbox only reports with a GPS point inside it
 * come back (the clustered pins). Without one — the list of a kecamatan — reports without a
 * point are included with `geometry: null` (an unlocated GeoJSON feature): they are never
 * placed at a made-up point, so a pin on the map is always where a citizen stood.
 */
export async function mapPins(deps: Deps, user: DeskUser, filters: MapFilters, query: PinQuery): Promise<MapPinAnswer> {
  const now = deps.clock();
  const filter = reportFilterFor(user, filters, now, query.kecamatan);
  if (!filter) return { type: 'FeatureCollection', features: [], truncated: false };
  const rows = await deps.store.scanReports({ ...filter, bbox: query.bbox, limit: query.limit + 1 });
  const nowIso = now.toISOString();
  const features = rows.slice(0, query.limit).map((r): MapPinFeature => ({
    type: 'Feature',
    id: r.publicId,
    geometry: r.lat !== null && r.lng !== null ? { type: 'Point', coordinates: [r.lng, r.lat] } : null,
    properties: {
      publicId: r.publicId, category: r.category, status: r.status, agencyId: r.agencyId, kecamatan: r.kecamatan, desa: r.desa,
      excerpt: r.excerpt, confidential: r.confidential, overdue: r.dueAt !== null && r.dueAt < nowIso, createdAt: r.createdAt,
    },
  }));
  return { type: 'FeatureCollection', features, truncated: rows.length > query.limit };
}

/** The clustered map's pins: the reports with a GPS point inside the box, newest first, as columns (see MapPointAnswer). */
export async function mapPoints(deps: Deps, user: DeskUser, filters: MapFilters, query: { bbox: Bounds; limit: number }): Promise<MapPointAnswer> {
  const filter = reportFilterFor(user, filters, deps.clock());
  if (!filter) return { ids: [], lng: [], lat: [], category: [], status: [], truncated: false };
  const points = await deps.store.scanPoints({ ...filter, bbox: query.bbox, limit: query.limit + 1 });
  const shown = points.slice(0, query.limit);
  return {
    ids: shown.map((p) => p.publicId),
    lng: shown.map((p) => pinCoordinate(p.lng)),
    lat: shown.map((p) => pinCoordinate(p.lat)),
    category: shown.map((p) => p.category),
    status: shown.map((p) => p.status),
    truncated: points.length > query.limit,
  };
}
