// Open311 GeoReport v2 input (server/open311/): the partner's form posts and query strings, as
// valibot schemas. Field names are the spec's (snake_case); what they become in a report is the
// Open311 service's job (server/open311/service.ts), checked there by the report's own schema,
// so a partner's report is held to exactly what the citizen form is.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { asRecord, fieldsOf, flag, number, optional, required, text } from './fields.ts';

/** A partner's name, as the desk shows it beside each report it sent. */
export const ApiKeyNameSchema = v.pipe(text({ min: 2, max: 100, tooShort: 'required', tooLong: 'text_too_long' }), v.check((n) => !/[\u0000-\u001f\u007f]/.test(n), 'invalid_value' satisfies MessageCode));

/** Most service_request_id a GET may name at once, and the spec's default answer size (also the most a page holds). */
export const OPEN311_MAX_IDS = 100;
export const OPEN311_PAGE_SIZE = 1000;
/** The longest span start_date–end_date may cover, and the default window: the spec's 90 days. */
export const OPEN311_MAX_DAYS = 90;
/** Most attributes one request may carry (the longest definition has 12). */
const MAX_ATTRIBUTES = 50;

/** The spec's w3 datetime with its zone (2010-05-24T00:00:00Z, …+07:00), as an ISO instant. */
const w3Datetime = v.pipe(
  v.string('invalid_datetime' satisfies MessageCode),
  v.trim(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'invalid_datetime' satisfies MessageCode),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'invalid_datetime' satisfies MessageCode),
  v.transform((s) => new Date(s).toISOString()),
);

/** A comma list of short tokens (ids, codes), trimmed, blanks and repeats dropped. */
const commaList = (max: number) => v.pipe(
  text({ max: max * 41 }),
  v.transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter((x) => x !== ''))]),
  v.check((list) => list.length <= max, 'open311_too_many_ids' satisfies MessageCode),
);

export const Open311JurisdictionQuerySchema = fieldsOf({
  jurisdiction_id: optional(text()),
});

export const Open311RequestsQuerySchema = fieldsOf({
  jurisdiction_id: optional(text()),
  api_key: optional(text()),
  service_request_id: optional(commaList(OPEN311_MAX_IDS)),
  service_code: optional(commaList(20)),
  start_date: optional(w3Datetime),
  end_date: optional(w3Datetime),
  status: optional(v.pipe(commaList(2), v.check((list) => list.every((s) => s === 'open' || s === 'closed'), 'open311_invalid_status' satisfies MessageCode))),
  // Extension (GeoReport v2 Extensions: pagination).
  page: optional(number({ min: 1, max: 1_000_000, integer: true })),
  page_size: optional(number({ min: 1, max: OPEN311_PAGE_SIZE, integer: true })),
});
export type Open311RequestsQuery = v.InferOutput<typeof Open311RequestsQuerySchema>;

const ATTRIBUTE_KEY = /^attribute\[([^\][]{1,40})\](\[\])?$/;

/**
 * The form's `attribute[code]=value` and `attribute[code][]=value` pairs gathered under
 * `attribute` (the body parser keeps such names flat); a repeated name is already a list.
 */
function gatherAttributes(raw: unknown): Record<string, unknown> {
  const body = asRecord(raw);
  // No prototype, and no prototype's names: a code is only ever a key of this one object.
  const attribute: Record<string, unknown> = Object.create(null);
  const entries = [...Object.entries(asRecord(body.attribute)).map(([code, value]) => [code, value, false] as const),
    ...Object.entries(body).flatMap(([key, value]) => {
      const match = ATTRIBUTE_KEY.exec(key);
      return match ? [[match[1], value, match[2] !== undefined] as const] : [];
    })];
  for (const [code, value, list] of entries) {
    if (code === '__proto__' || code === 'constructor' || code === 'prototype') continue;
    attribute[code] = list ? [value].flat() : value;
  }
  return { ...body, attribute };
}

const httpUrl = v.pipe(
  text({ max: 2000 }),
  v.check((s) => { try { return ['http:', 'https:'].includes(new URL(s).protocol); } catch { return false; } }, 'invalid_url' satisfies MessageCode),
);

const attributeValue = v.union([text({ max: 4000 }), v.pipe(v.array(text({ max: 200 })), v.maxLength(50))], 'invalid_value' satisfies MessageCode);

/** POST requests, form-encoded as the spec says. `api_key` and `jurisdiction_id` are checked before (server/open311/routes.ts). */
export const Open311PostSchema = v.pipe(v.unknown(), v.transform(gatherAttributes), fieldsOf({
  service_code: required(text({ max: 50 })),
  lat: optional(number({ min: -90, max: 90, invalid: 'invalid_coordinates' })),
  long: optional(number({ min: -180, max: 180, invalid: 'invalid_coordinates' })),
  address_string: optional(text({ max: 500 })),
  address_id: optional(text({ max: 50 })),
  email: optional(v.pipe(text({ max: 254 }), v.email('open311_invalid_email' satisfies MessageCode))),
  device_id: optional(text()),
  account_id: optional(text()),
  first_name: optional(text({ max: 50, tooLong: 'name_too_long' })),
  last_name: optional(text({ max: 50, tooLong: 'name_too_long' })),
  phone: optional(text({ max: 30, tooLong: 'invalid_phone' })),
  description: optional(text({ max: 4000, tooLong: 'description_too_long' })),
  media_url: optional(httpUrl),
  // Extensions: the web form's two choices (shared/anonymity.ts, the confidential default for pupuk).
  anonymous: optional(flag()),
  confidential: optional(flag()),
  attribute: v.pipe(
    v.record(v.string(), attributeValue),
    v.check((r) => Object.keys(r).length <= MAX_ATTRIBUTES, 'text_too_long' satisfies MessageCode),
  ),
}));
export type Open311Post = v.InferOutput<typeof Open311PostSchema>;
