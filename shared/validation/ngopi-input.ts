// The session form (desk) and the facilitator's aspiration form, checked the same way on both sides.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { SESSION_MODES, type NgopiSessionInput } from '../ngopi.ts';
import { TOPIC_IDS } from '../reference/aspiration-topics.ts';
import type { Region } from '../types.ts';
import { fieldsOf, flag, optional, orNull, required, text } from './fields.ts';
import { checkWith, type ParseResult } from './schema.ts';

/**
 * A date and time as ISO. `2026-11-10T09:00` (what a datetime-local input sends) is read as
 * WIB, the time in Blora; a value with its own offset or Z is taken as it says.
 */
export function parseDateTime(value: string): string | null {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  if (!local && !zoned) return null;
  const time = Date.parse(local ? `${value}+07:00` : value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const dateTime = required(v.pipe(text({ max: 40 }), v.transform(parseDateTime), v.string('invalid_datetime' satisfies MessageCode)));

function sessionSchema(region: Region) {
  const kecamatanOfDesa = new Map(region.kecamatan.flatMap((k) => k.desa.map((d) => [d.code, k.code] as const)));
  const kecamatanCodes = new Set(region.kecamatan.map((k) => k.code));
  const hasPlace = (s: { venue: string | null; kecamatan: string | null }) => s.venue !== null || s.kecamatan !== null;
  const place = [['mode'], ['venue'], ['kecamatan'], ['link']] as const;
  const missing = 'place_or_link_required' satisfies MessageCode;
  return v.pipe(
    fieldsOf({
      title: required(text({ max: 120 })),
      startsAt: dateTime,
      endsAt: dateTime,
      mode: required(v.pipe(text({ max: 20 }), v.picklist(SESSION_MODES, 'invalid_choice' satisfies MessageCode))),
      kecamatan: orNull(v.pipe(text({ max: 20 }), v.check((k) => kecamatanCodes.has(k), 'invalid_kecamatan' satisfies MessageCode))),
      desa: orNull(v.pipe(text({ max: 20 }), v.check((d) => kecamatanOfDesa.has(d), 'invalid_desa' satisfies MessageCode))),
      venue: orNull(text({ max: 200 })),
      link: orNull(v.pipe(text({ max: 500 }), v.regex(/^https?:\/\/[^\s/]+/, 'invalid_url' satisfies MessageCode))),
      topic: required(text({ max: 200 })),
      facilitator: required(text({ max: 100 })),
    }),
    v.forward(v.partialCheck([['startsAt'], ['endsAt']], (s) => s.endsAt > s.startsAt, 'ends_before_start' satisfies MessageCode), ['endsAt']),
    v.forward(v.partialCheck([['kecamatan'], ['desa']], (s) => !s.kecamatan || !s.desa || kecamatanOfDesa.get(s.desa) === s.kecamatan, 'desa_not_in_kecamatan' satisfies MessageCode), ['desa']),
    // On site needs a place, online a link, both needs both (the place named first when missing).
    v.forward(v.partialCheck(place, (s) => s.mode === 'daring' || hasPlace(s), missing), ['venue']),
    v.forward(v.partialCheck(place, (s) => s.mode === 'luring' || !hasPlace(s) && s.mode === 'luring_daring' || s.link !== null, missing), ['link']),
    // A desa alone names its kecamatan too.
    v.transform((s): NgopiSessionInput => ({ ...s, kecamatan: s.kecamatan ?? (s.desa ? kecamatanOfDesa.get(s.desa) ?? null : null) })),
  );
}

const sessionSchemas = new WeakMap<Region, ReturnType<typeof sessionSchema>>();

export function parseSessionInput(body: unknown, region: Region): ParseResult<NgopiSessionInput> {
  let schema = sessionSchemas.get(region);
  if (!schema) sessionSchemas.set(region, (schema = sessionSchema(region)));
  return checkWith(schema, body);
}

/** One aspiration typed by the facilitator. The report itself is then checked by the report schema. */
export const AspirationEntrySchema = v.pipe(
  fieldsOf({
    topic: required(v.pipe(text({ max: 40 }), v.check((t) => TOPIC_IDS.includes(t), 'invalid_topic' satisfies MessageCode))),
    text: required(text({ max: 4000 })),
    /** Empty: the agency the topic concerns. */
    agencyId: orNull(text({ max: 40 })),
    speakerName: orNull(text({ max: 100 })),
    desa: orNull(text({ max: 20 })),
    /** The speaker agreed that their name is recorded; without it no name is kept. */
    consent: optional(flag()),
    confidential: optional(flag()),
  }),
  v.transform((e) => ({ ...e, consent: e.consent ?? false, confidential: e.confidential ?? false })),
);
export type AspirationEntry = v.InferOutput<typeof AspirationEntrySchema>;

export function parseAspirationEntry(body: unknown): ParseResult<AspirationEntry> {
  return checkWith(AspirationEntrySchema, body);
}
