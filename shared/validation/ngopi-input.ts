// The session form (desk) and the facilitator's aspiration form, checked the same way on both sides.
import type { MessageCode } from '../messages.ts';
import { SESSION_MODES, type NgopiSessionInput, type SessionMode } from '../ngopi.ts';
import { TOPIC_IDS } from '../reference/aspiration-topics.ts';
import type { Region } from '../types.ts';
import type { FieldErrors, ParseResult } from './report-input.ts';

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});

function text(raw: Raw, key: string, errors: FieldErrors, opts: { required?: boolean; max: number }): string | null {
  const value = raw[key];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (opts.required) errors[key] = 'required';
    return null;
  }
  if (typeof value !== 'string') { errors[key] = 'invalid_choice'; return null; }
  if (value.trim().length > opts.max) { errors[key] = 'text_too_long'; return null; }
  return value.trim();
}

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

function dateTime(raw: Raw, key: string, errors: FieldErrors): string | null {
  const value = text(raw, key, errors, { required: true, max: 40 });
  if (value === null) return null;
  const iso = parseDateTime(value);
  if (!iso) errors[key] = 'invalid_datetime';
  return iso;
}

export function parseSessionInput(body: unknown, region: Region): ParseResult<NgopiSessionInput> {
  const raw = asRecord(body);
  const errors: FieldErrors = {};
  const title = text(raw, 'title', errors, { required: true, max: 120 });
  const startsAt = dateTime(raw, 'startsAt', errors);
  const endsAt = dateTime(raw, 'endsAt', errors);
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = 'ends_before_start';
  const modeRaw = text(raw, 'mode', errors, { required: true, max: 20 });
  const mode = modeRaw !== null && SESSION_MODES.includes(modeRaw as SessionMode) ? (modeRaw as SessionMode) : null;
  if (modeRaw !== null && !mode) errors.mode = 'invalid_choice';
  const kecamatan = text(raw, 'kecamatan', errors, { max: 20 });
  const kec = kecamatan === null ? undefined : region.kecamatan.find((k) => k.code === kecamatan);
  if (kecamatan !== null && !kec) errors.kecamatan = 'invalid_kecamatan';
  const desa = text(raw, 'desa', errors, { max: 20 });
  if (desa !== null) {
    const owner = region.kecamatan.find((k) => k.desa.some((d) => d.code === desa));
    if (!owner) errors.desa = 'invalid_desa';
    else if (kec && owner !== kec) errors.desa = 'desa_not_in_kecamatan';
  }
  const venue = text(raw, 'venue', errors, { max: 200 });
  const link = text(raw, 'link', errors, { max: 500 });
  if (link !== null && !/^https?:\/\/[^\s/]+/.test(link)) errors.link = 'invalid_url';
  const place = venue !== null || kecamatan !== null;
  if (mode === 'luring' && !place) errors.venue = 'place_or_link_required';
  if (mode === 'daring' && link === null) errors.link ??= 'place_or_link_required';
  if (mode === 'luring_daring' && (!place || link === null)) errors[place ? 'link' : 'venue'] ??= 'place_or_link_required';
  const topic = text(raw, 'topic', errors, { required: true, max: 200 });
  const facilitator = text(raw, 'facilitator', errors, { required: true, max: 100 });
  if (Object.keys(errors).length || !title || !startsAt || !endsAt || !mode || !topic || !facilitator) return { ok: false, fields: errors };
  // A desa alone names its kecamatan too.
  const kecamatanOfDesa = desa ? region.kecamatan.find((k) => k.desa.some((d) => d.code === desa))?.code ?? null : null;
  return { ok: true, value: { title, startsAt, endsAt, mode, kecamatan: kecamatan ?? kecamatanOfDesa, desa, venue, link, topic, facilitator } };
}

/** One aspiration typed by the facilitator. The report itself is then checked by the report schema. */
export interface AspirationEntry {
  topic: string;
  text: string;
  /** Empty: the agency the topic concerns. */
  agencyId: string | null;
  speakerName: string | null;
  desa: string | null;
  /** The speaker agreed that their name is recorded; without it no name is kept. */
  consent: boolean;
  confidential: boolean;
}

const yes = (value: unknown): boolean => value === true || (typeof value === 'string' && ['true', 'on', '1', 'ya'].includes(value.toLowerCase()))
  || (Array.isArray(value) && yes(value[value.length - 1]));

export function parseAspirationEntry(body: unknown): ParseResult<AspirationEntry> {
  const raw = asRecord(body);
  const errors: FieldErrors = {};
  const topic = text(raw, 'topic', errors, { required: true, max: 40 });
  if (topic !== null && !TOPIC_IDS.includes(topic)) errors.topic = 'invalid_topic' satisfies MessageCode;
  const description = text(raw, 'text', errors, { required: true, max: 4000 });
  const agencyId = text(raw, 'agencyId', errors, { max: 40 });
  const speakerName = text(raw, 'speakerName', errors, { max: 100 });
  const desa = text(raw, 'desa', errors, { max: 20 });
  if (Object.keys(errors).length || !topic || !description) return { ok: false, fields: errors };
  return { ok: true, value: { topic, text: description, agencyId, speakerName, desa, consent: yes(raw.consent), confidential: yes(raw.confidential) } };
}
