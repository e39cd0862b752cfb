// Report filters as MongoDB filters, matching the SQLite store: one ReportFilter for the desk
// list, the sweeps, the map and statistics; the list adds its keyset cursor (newest first by
// (createdAt, publicId)).
import type { QueryFilter } from 'mongoose';
import { decodeCursor } from '../cursor.ts';
import type { ReportFilter, ReportListQuery } from '../port.ts';
import type { ReportDoc } from './schemas.ts';

export const NEWEST_FIRST = { createdAt: -1, publicId: -1 } as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One condition per narrowing field of the filter, in a fixed order; none for an empty filter. */
export function filterConditions(filter: ReportFilter): QueryFilter<ReportDoc>[] {
  const conditions: QueryFilter<ReportDoc>[] = [];
  // An empty agency list matches nothing, as `IN ()` does: a user with no agencies sees no reports.
  if (filter.agencyIds) conditions.push({ agencyId: { $in: filter.agencyIds } });
  if (filter.kecamatan) conditions.push({ kecamatan: filter.kecamatan });
  if (filter.desa) conditions.push({ desa: filter.desa });
  if (filter.confidential !== undefined) conditions.push({ confidential: filter.confidential });
  // Empty category or status lists do not narrow, as in the SQLite store.
  if (filter.categories?.length) conditions.push({ category: filter.categories.length === 1 ? filter.categories[0] : { $in: filter.categories } });
  if (filter.statuses?.length) conditions.push({ status: { $in: filter.statuses } });
  // ISO instants compare as strings, as SQLite compares its TEXT columns.
  if (filter.createdFrom || filter.createdBefore) {
    conditions.push({ createdAt: { ...(filter.createdFrom ? { $gte: filter.createdFrom } : {}), ...(filter.createdBefore ? { $lt: filter.createdBefore } : {}) } });
  }
  if (filter.text) {
    // Case-insensitive substring, like SQLite's LIKE; public ids are upper case, typed in any case.
    const pattern = escapeRegex(filter.text);
    conditions.push({ $or: [{ description: { $regex: pattern, $options: 'i' } }, { publicId: { $regex: pattern, $options: 'i' } }] });
  }
  if (filter.codeHash) conditions.push({ codeHash: filter.codeHash });
  if (filter.overdueNotified !== undefined) conditions.push({ overdueNotified: filter.overdueNotified });
  if (filter.session) conditions.push({ 'details.session': filter.session });
  // $lt on a string never matches null, so closed reports (dueAt null) drop out by themselves.
  if (filter.overdueAt) conditions.push({ dueAt: { $lt: filter.overdueAt, ...(filter.dueFrom ? { $gte: filter.dueFrom } : {}) } });
  // Inclusive bounds (SQL BETWEEN); a numeric range never matches a null lat or lng.
  if (filter.bbox) {
    const { minLng, minLat, maxLng, maxLat } = filter.bbox;
    conditions.push({ lng: { $gte: minLng, $lte: maxLng }, lat: { $gte: minLat, $lte: maxLat } });
  }
  if (filter.located) conditions.push({ lat: { $ne: null } });
  return conditions;
}

/** All the conditions at once: {} for none, the one itself, or $and. */
export function allOf(conditions: QueryFilter<ReportDoc>[]): QueryFilter<ReportDoc> {
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

/** A ReportFilter as one MongoDB filter (the $match of the aggregates). */
export function matchFilter(filter: ReportFilter): QueryFilter<ReportDoc> {
  return allOf(filterConditions(filter));
}

/** The list query as a MongoDB filter; sort with NEWEST_FIRST. */
export function reportFilter(query: ReportListQuery): QueryFilter<ReportDoc> {
  const conditions = filterConditions(query);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) {
    conditions.push({ $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, publicId: { $lt: cursor.publicId } }] });
  }
  return allOf(conditions);
}
