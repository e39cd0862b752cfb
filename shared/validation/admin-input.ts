// Bodies of the back office's API (/api/admin/...), one valibot schema each; the types the
// server works with are inferred from them. Names (categories, kecamatan, agencies) are
// checked against the running reference data by the service, which can name the unknown one.
import * as v from 'valibot';
import { DEADLINE_RANGE } from '../settings.ts';

const id = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60));
const days = v.pipe(v.number(), v.integer(), v.minValue(DEADLINE_RANGE.min), v.maxValue(DEADLINE_RANGE.max));

export const RoutingInputSchema = v.object({
  routes: v.pipe(v.record(id, id), v.maxEntries(100)),
  overrides: v.pipe(v.array(v.object({ category: id, kecamatan: id, agencyId: id })), v.maxLength(2000)),
  /** Omitted: the topic table stays as it is. */
  topics: v.optional(v.pipe(v.record(id, id), v.maxEntries(100))),
});
export type RoutingInput = v.InferOutput<typeof RoutingInputSchema>;

export const DeadlinesInputSchema = v.object({
  categories: v.pipe(v.record(id, v.object({ verifyWorkingDays: days, followUpWorkingDays: days })), v.maxEntries(100)),
  reopenWorkingDays: days,
});
export type DeadlinesInput = v.InferOutput<typeof DeadlinesInputSchema>;

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.check((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)));

/** National holidays and cuti bersama, as the admin sends the whole list. */
export const HolidaysInputSchema = v.object({
  holidays: v.pipe(v.array(v.object({
    date: isoDate,
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
    kind: v.picklist(['libur', 'cuti_bersama']),
  })), v.maxLength(1000)),
});
export type HolidaysInput = v.InferOutput<typeof HolidaysInputSchema>;

/** GET /api/admin/audit: a page of the trail, newest first. */
export const AuditQuerySchema = v.object({
  before: v.optional(v.pipe(v.string(), v.uuid())),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)), '50'),
});

const agencyName = v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(120));

/** A new agency or unit: a stable slug (it lands in room names and stored reports), a name, maybe a parent. */
export const AgencyCreateSchema = v.object({
  id: v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.minLength(2), v.maxLength(40)),
  name: agencyName,
  nameEn: v.optional(agencyName),
  parentId: v.optional(v.nullable(id), null),
});
export type AgencyCreateInput = v.InferOutput<typeof AgencyCreateSchema>;

/** Rename, move under another parent (or to the top), deactivate or reactivate. */
export const AgencyChangeSchema = v.object({
  name: v.optional(agencyName),
  nameEn: v.optional(agencyName),
  parentId: v.optional(v.nullable(id)),
  active: v.optional(v.boolean()),
});
export type AgencyChangeInput = v.InferOutput<typeof AgencyChangeSchema>;
