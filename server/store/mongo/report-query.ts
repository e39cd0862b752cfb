// The desk list query (ReportQuery) as a MongoDB filter and sort, matching the SQLite store:
// newest first by (createdAt, code), keyset cursor, text in the description or the code.
import type { QueryFilter } from 'mongoose';
import { decodeCursor } from '../cursor.ts';
import type { ReportQuery } from '../port.ts';
import type { ReportDoc } from './schemas.ts';

export const NEWEST_FIRST = { createdAt: -1, code: -1 } as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function reportFilter(query: ReportQuery): QueryFilter<ReportDoc> {
  const conditions: QueryFilter<ReportDoc>[] = [];
  // An empty agency list matches nothing, as `IN ()` does: a user with no agencies sees no reports.
  if (query.agencyIds) conditions.push({ agencyId: { $in: query.agencyIds } });
  if (query.kecamatan) conditions.push({ kecamatan: query.kecamatan });
  if (query.category) conditions.push({ category: query.category });
  if (query.status?.length) conditions.push({ status: { $in: query.status } });
  if (query.text) {
    // Case-insensitive substring, like SQLite's LIKE; codes are upper case, typed in any case.
    const pattern = escapeRegex(query.text);
    conditions.push({ $or: [{ description: { $regex: pattern, $options: 'i' } }, { code: { $regex: pattern, $options: 'i' } }] });
  }
  // $lt on a string never matches null, so closed reports (dueAt null) drop out by themselves.
  if (query.overdueAt) conditions.push({ dueAt: { $lt: query.overdueAt } });
  if (query.overdueNotified !== undefined) conditions.push({ overdueNotified: query.overdueNotified });
  if (query.session) conditions.push({ 'details.session': query.session });
  if (query.createdAfter) conditions.push({ createdAt: { $gt: query.createdAfter } });
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) {
    conditions.push({ $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, code: { $lt: cursor.code } }] });
  }
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}
