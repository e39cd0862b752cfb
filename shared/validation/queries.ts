// Query strings of the JSON API, one schema each, like the bodies. A query value is a string,
// or an array when the name repeats (?status=a&status=b): an array is refused where one value
// is meant.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { CATEGORY_IDS } from '../reference/categories.ts';
import { STATUSES } from '../reference/statuses.ts';
import { choice, dropUndefined, fieldsOf, flag, number, optional, text } from './fields.ts';

export const DESK_LIST_DEFAULT_LIMIT = 50;
export const DESK_LIST_MAX_LIMIT = 100;
const STATUS_IDS = STATUSES.map((s) => s.id);

/** A comma-separated list of `allowed` (`?status=new,verified`). */
const commaList = <const T extends readonly string[]>(allowed: T) => {
  const known: readonly string[] = allowed;
  const isAllowed = (x: string): x is T[number] => known.includes(x);
  return v.pipe(
    text(),
    v.transform((s) => s.split(',').map((part) => part.trim())),
    v.check((list) => list.every(isAllowed), 'invalid_choice' satisfies MessageCode),
    v.transform((list) => list.filter(isAllowed)),
  );
};

/** GET /api/desk/reports?status=new,verified&category=&kecamatan=&q=&overdue=true&limit=&cursor= */
export const DeskListQuerySchema = v.pipe(
  fieldsOf({
    status: optional(commaList(STATUS_IDS)),
    category: optional(choice(CATEGORY_IDS, 'invalid_category')),
    kecamatan: optional(text({ max: 20 })),
    q: optional(text({ max: 200 })),
    overdue: optional(flag()),
    limit: optional(number({ min: 1, max: DESK_LIST_MAX_LIMIT, integer: true })),
    cursor: optional(text({ max: 200 })),
  }),
  v.transform((q) => dropUndefined({ ...q, overdue: q.overdue ?? false, limit: q.limit ?? DESK_LIST_DEFAULT_LIMIT })),
);
export type DeskListQuery = v.InferOutput<typeof DeskListQuerySchema>;

const coordinate = (max: number) => optional(number({ min: -max, max, invalid: 'invalid_coordinates' }));

/** GET /api/reports/nearby?category=&desa=&lat=&lng= (the citizen form's "dukung saja?"). */
export const NearbyQuerySchema = v.pipe(
  fieldsOf({
    category: v.optional(v.pipe(v.unknown(), v.picklist(CATEGORY_IDS, 'invalid_category' satisfies MessageCode)), ''),
    desa: optional(text({ max: 40, tooLong: 'invalid_desa' })),
    lat: coordinate(90),
    lng: coordinate(180),
  }),
  v.forward(v.partialCheck([['lat'], ['lng']], (q) => (q.lat === undefined) === (q.lng === undefined), 'coordinates_incomplete' satisfies MessageCode), ['lat']),
  v.transform(dropUndefined),
);
export type NearbyQueryInput = v.InferOutput<typeof NearbyQuerySchema>;
