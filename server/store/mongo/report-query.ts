// Report filters as MongoDB filters, matching the SQLite store. `filterConditions` translates
// a ReportFilter (the map and statistics, ./aggregates.ts) and also serves the desk list query
// (ReportQuery) where the two overlap; the list adds text, overdueNotified and its keyset cursor
// (newest first by (createdAt, code); text in the description or the code).
import type { QueryFilter } from 'mongoose';
import { decodeCursor } from '../cursor.ts';
import type { ReportFilter, ReportQuery } from '../port.ts';
import type { ReportDoc } from './schemas.ts';

export const NEWEST_FIRST = { createdAt: -1, code: -1 } as const;

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
  // $lt on a string never matches null, so closed reports (dueAt null) drop out by themselves.
  if (filter.overdueAt) conditions.push({ dueAt: { $lt: filter.overdueAt } });
  // Inclusive bounds (SQL BETWEEN); a numeric range never matches a null lat or lng.
  if (filter.bbox) {
    const { minLng, minLat, maxLng, maxLat } = filter.bbox;
    conditions.push({ lng: { $gte: minLng, $lte: maxLng }, lat: { $gte: minLat, $lte: maxLat } });
  }
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

/** The desk list query as a MongoDB filter; sort with NEWEST_FIRST. */
export function reportFilter(query: ReportQuery): QueryFilter<ReportDoc> {
  const conditions = filterConditions({
    agencyIds: query.agencyIds, kecamatan: query.kecamatan, desa: query.desa, confidential: query.confidential,
    categories: query.category ? [query.category] : undefined, statuses: query.status, overdueAt: query.overdueAt,
  });
  if (query.text) {
    // Case-insensitive substring, like SQLite's LIKE; codes are upper case, typed in any case.
    const pattern = escapeRegex(query.text);
    conditions.push({ $or: [{ description: { $regex: pattern, $options: 'i' } }, { code: { $regex: pattern, $options: 'i' } }] });
  }
  if (query.overdueNotified !== undefined) conditions.push({ overdueNotified: query.overdueNotified });
  if (query.session) conditions.push({ 'details.session': query.session });
  if (query.createdAfter) conditions.push({ createdAt: { $gt: query.createdAfter } });
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) {
    conditions.push({ $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, code: { $lt: cursor.code } }] });
  }
  return allOf(conditions);
}
