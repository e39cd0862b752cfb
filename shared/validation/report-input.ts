// One schema for the citizen form and the server (client/src/form.ts runs it before sending).
// Input may be JSON (typed values) or a plain form post (every value a string); the field shapes
// in fields.ts coerce before they check. The types of a report's input, and of each category's
// details, are inferred from here.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { CATEGORY_IDS } from '../reference/categories.ts';
import { FERTILISER_TYPES, PUPUK_PROBLEMS } from '../reference/fertiliser.ts';
import type { CategoryId, DamageType, NotGivenDetails, Region } from '../types.ts';
import { asRecord, choice, choices, dropUndefined, fieldsOf, flag, isCalendarDate, number, optional, required, text } from './fields.ts';
import { checkWith, type ParseResult } from './schema.ts';
import { normalisePhone } from './phone.ts';

export type { FieldErrors, ParseResult } from './schema.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DAMAGE_TYPES: readonly DamageType[] = ['berlubang', 'retak', 'longsor', 'banjir', 'jembatan', 'lainnya'];
/** Categories without details of their own: whatever is sent as details is dropped. */
const PLAIN_CATEGORIES = CATEGORY_IDS.filter((c): c is Exclude<CategoryId, 'pupuk' | 'jalan' | 'aspirasi'> => c !== 'pupuk' && c !== 'jalan' && c !== 'aspirasi');

/** A purchase date: a real day, not before 2000 and not after `today` (WIB). */
const purchaseDate = (today: string) => v.pipe(
  v.string('invalid_date' satisfies MessageCode),
  v.check((d) => isCalendarDate(d) && d >= '2000-01-01' && d <= today, 'invalid_date' satisfies MessageCode),
);

const pupukDetails = (today: string) => fieldsOf({
  fertiliserType: required(choice(FERTILISER_TYPES.map((t) => t.id))),
  problems: required(choices(PUPUK_PROBLEMS.map((p) => p.id))),
  kioskName: optional(text()),
  kioskDesa: optional(text()),
  purchaseDate: optional(purchaseDate(today)),
  quantity: optional(number({ min: 0.1, max: 100_000 })),
  unit: optional(choice(['kg', 'bag'])),
  price: optional(number({ min: 1, max: 1_000_000_000, integer: true })),
  priceUnit: optional(choice(['total', 'bag', 'kg'])),
  crop: optional(text()),
  landAreaHa: optional(number({ min: 0.01, max: 10_000 })),
  poktan: optional(text()),
});

const jalanDetails = fieldsOf({
  roadName: optional(text()),
  damageType: required(choice(DAMAGE_TYPES)),
  severity: required(v.pipe(number({ min: 1, max: 3, integer: true }), v.picklist([1, 2, 3], 'invalid_number' satisfies MessageCode))),
});

const aspirasiDetails = fieldsOf({
  topic: required(text()),
  /** A Ngopi Bareng session id, when the aspiration was sent during one. */
  session: optional(text()),
});

// A form may send details as one JSON text field named `details`.
const detailsOf = <S extends v.GenericSchema>(schema: S) => v.optional(v.pipe(v.unknown(), v.transform((x) => {
  if (typeof x !== 'string') return x;
  try { return JSON.parse(x); } catch { return {}; }
}), schema, v.transform((d) => (d && typeof d === 'object' ? dropUndefined(d) : d))), {});

/** Details a one-line channel message could not carry (see ParseOptions). */
const NOT_GIVEN = v.optional(v.pipe(v.unknown(), v.transform((): NotGivenDetails => ({ notGiven: true }))), {});

/** The details a category asks for, keyed by the category: `details` is typed by `category`. */
const categoryDetails = (today: string, notGiven: boolean) => v.variant('category', [
  v.object({ category: v.literal('pupuk'), details: notGiven ? NOT_GIVEN : detailsOf(pupukDetails(today)) }),
  v.object({ category: v.literal('jalan'), details: notGiven ? NOT_GIVEN : detailsOf(jalanDetails) }),
  v.object({ category: v.literal('aspirasi'), details: notGiven ? NOT_GIVEN : detailsOf(aspirasiDetails) }),
  v.object({ category: v.picklist(PLAIN_CATEGORIES), details: v.optional(v.pipe(v.unknown(), v.transform((): Record<string, never> => ({}))), {}) }),
], 'invalid_category' satisfies MessageCode);

export function inBounds(region: Region, lat: number, lng: number): boolean {
  const b = region.bounds;
  return !b || (lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng);
}

function reportFields(region: Region) {
  // A region is reference data, built once: its lookup tables are built once with the schema
  // (scanning every desa of the kabupaten on each submission was the validator's main cost).
  const kecamatanCodes = region.kecamatan.map((k) => k.code);
  const kecamatanOfDesa = new Map(region.kecamatan.flatMap((k) => k.desa.map((d) => [d.code, k.code] as const)));
  const coordinate = (max: number) => optional(number({ min: -max, max, invalid: 'invalid_coordinates' }));
  return v.pipe(
    fieldsOf({
      category: required(choice(CATEGORY_IDS, 'invalid_category')),
      description: required(text({ min: DESCRIPTION_MIN, max: DESCRIPTION_MAX, tooShort: 'description_too_short', tooLong: 'description_too_long' })),
      kecamatan: required(choice(kecamatanCodes, 'invalid_kecamatan')),
      desa: required(v.pipe(text(), v.check((d) => kecamatanOfDesa.has(d), 'invalid_desa' satisfies MessageCode))),
      lat: coordinate(90),
      lng: coordinate(180),
      name: optional(text({ max: 100, tooLong: 'name_too_long' })),
      phone: optional(v.pipe(text({ max: 30, tooLong: 'invalid_phone' }), v.transform(normalisePhone), v.string('invalid_phone' satisfies MessageCode))),
      anonymous: optional(flag()),
      // "Kabari perkembangan lewat WhatsApp": off unless the reporter turns it on.
      notifyConsent: optional(flag()),
      confidential: optional(flag()),
      clientId: optional(v.pipe(text(), v.regex(UUID, 'invalid_client_id' satisfies MessageCode), v.toLowerCase())),
    }),
    v.forward(v.partialCheck([['kecamatan'], ['desa']], (r) => kecamatanOfDesa.get(r.desa) === r.kecamatan, 'desa_not_in_kecamatan' satisfies MessageCode), ['desa']),
    v.forward(v.partialCheck([['lat'], ['lng']], (r) => r.lat !== undefined || r.lng === undefined, 'coordinates_incomplete' satisfies MessageCode), ['lat']),
    v.forward(v.partialCheck([['lat'], ['lng']], (r) => r.lng !== undefined || r.lat === undefined, 'coordinates_incomplete' satisfies MessageCode), ['lng']),
    v.forward(v.partialCheck([['lat'], ['lng']], (r) => r.lat === undefined || r.lng === undefined || inBounds(region, r.lat, r.lng), 'outside_region' satisfies MessageCode), ['lat']),
    v.forward(v.partialCheck([['notifyConsent'], ['phone']], (r) => r.notifyConsent !== true || r.phone !== undefined, 'phone_required_for_notify' satisfies MessageCode), ['phone']),
  );
}

/**
 * The details of one category on their own: what an officer enters to complete a report whose
 * details were not given (desk action `complete_details`). Errors are keyed `details.<field>`.
 */
export function parseCategoryDetails(category: CategoryId, details: unknown, today: string): ParseResult<v.InferOutput<ReturnType<typeof categoryDetails>>> {
  return checkWith(categoryDetails(today, false), { category, details });
}

/** The whole report: its fields, and the details its category asks for. */
export function reportInputSchema(region: Region, today: string, notGiven = false) {
  return v.pipe(
    v.intersect([reportFields(region), categoryDetails(today, notGiven)]),
    v.transform((r) => dropUndefined({
      ...r,
      anonymous: r.anonymous ?? false,
      notifyConsent: r.notifyConsent ?? false,
      // A kiosk owner in a small village knows his customers: pupuk reports are confidential unless the citizen says otherwise.
      confidential: r.confidential ?? r.category === 'pupuk',
    })),
  );
}
type ReportInputSchema = ReturnType<typeof reportInputSchema>;

/** What a citizen sends, after parsing form or JSON; `details` follows `category`. */
export type ReportInput = v.InferOutput<ReportInputSchema>;
export type PupukDetailsInput = v.InferOutput<ReturnType<typeof pupukDetails>>;
export type JalanDetails = v.InferOutput<typeof jalanDetails>;
export type AspirasiDetails = v.InferOutput<typeof aspirasiDetails>;

// Built once per region and day: a schema is a tree of small objects, not worth rebuilding for
// every submission, and `today` bounds the purchase date.
const schemas = new WeakMap<Region, { today: string; given: ReportInputSchema; notGiven: ReportInputSchema }>();

export interface ParseOptions {
  /**
   * Channels whose one-line format cannot carry category details (SMS, WhatsApp `LAPOR#…`) may
   * send `details: { notGiven: true }`; the web form never may, so its details stay required.
   */
  allowDetailsNotGiven?: boolean;
}

/**
 * Validates and normalises a citizen's report. `today` (YYYY-MM-DD, WIB) bounds dates.
 * Field keys in errors use dots for details (`details.fertiliserType`), as the form names them.
 */
export function parseReportInput(raw: unknown, region: Region, today: string, options: ParseOptions = {}): ParseResult<ReportInput> {
  let cached = schemas.get(region);
  if (cached?.today !== today) {
    cached = { today, given: reportInputSchema(region, today), notGiven: reportInputSchema(region, today, true) };
    schemas.set(region, cached);
  }
  const notGiven = options.allowDetailsNotGiven === true && asRecord(asRecord(raw).details).notGiven === true;
  return checkWith(notGiven ? cached.notGiven : cached.given, raw);
}
