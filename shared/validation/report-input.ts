// One schema for the citizen form and the server. Input may be JSON (typed values) or a
// plain form post (every value a string), so each reader coerces before it checks.
import type {
  AspirasiDetails, CategoryId, DamageType, FertiliserType, JalanDetails, PupukDetails, PupukProblem, Region, ReportDetails, ReportInput,
} from '../types.ts';
import type { MessageCode } from '../messages.ts';
import { CATEGORY_IDS } from '../reference/categories.ts';
import { FERTILISER_TYPES, PUPUK_PROBLEMS } from '../reference/fertiliser.ts';
import { normalisePhone } from './phone.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
const SHORT_TEXT_MAX = 200;
const CHOICES_MAX = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FERTILISER_TYPE_IDS = FERTILISER_TYPES.map((t) => t.id) as FertiliserType[];
const PUPUK_PROBLEM_IDS = PUPUK_PROBLEMS.map((p) => p.id) as PupukProblem[];
export const DAMAGE_TYPES: readonly DamageType[] = ['berlubang', 'retak', 'longsor', 'banjir', 'jembatan', 'lainnya'];

export type FieldErrors = Record<string, MessageCode>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false, fields: FieldErrors };

type Raw = Record<string, unknown>;

/** YYYY-MM-DD naming a day that exists. Date.parse alone rolls 2025-02-30 over to 2 March. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

class Reader {
  readonly errors: FieldErrors = {};
  constructor(private readonly raw: Raw, private readonly prefix = '') {}

  private fail(key: string, code: MessageCode): undefined {
    this.errors[this.prefix + key] ??= code;
    return undefined;
  }

  private present(key: string): unknown {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() === '') return undefined;
    return value;
  }

  text(key: string, opts: { required?: boolean; min?: number; max?: number; tooShort?: MessageCode; tooLong?: MessageCode } = {}): string | undefined {
    const value = this.present(key);
    if (value === undefined) return opts.required ? this.fail(key, 'required') : undefined;
    if (typeof value !== 'string') return this.fail(key, 'invalid_choice');
    const text = value.trim();
    if (opts.min !== undefined && text.length < opts.min) return this.fail(key, opts.tooShort ?? 'required');
    if (text.length > (opts.max ?? SHORT_TEXT_MAX)) return this.fail(key, opts.tooLong ?? 'text_too_long');
    return text;
  }

  choice<T extends string>(key: string, allowed: readonly T[], opts: { required?: boolean; invalid?: MessageCode } = {}): T | undefined {
    const value = this.present(key);
    if (value === undefined) return opts.required ? this.fail(key, 'required') : undefined;
    if (typeof value !== 'string' || !allowed.includes(value as T)) return this.fail(key, opts.invalid ?? 'invalid_choice');
    return value as T;
  }

  choices<T extends string>(key: string, allowed: readonly T[], opts: { required?: boolean } = {}): T[] | undefined {
    const value = this.present(key);
    const list: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (list.length === 0) return opts.required ? this.fail(key, 'required') : undefined;
    // Checked by index, so a hole in a sparse array counts as a bad entry, and bounded, so a huge one costs nothing.
    if (list.length > CHOICES_MAX) return this.fail(key, 'invalid_choice');
    for (let i = 0; i < list.length; i += 1) {
      const v = list[i];
      if (typeof v !== 'string' || !allowed.includes(v as T)) return this.fail(key, 'invalid_choice');
    }
    return [...new Set(list as T[])];
  }

  number(key: string, opts: { required?: boolean; min: number; max: number; integer?: boolean; invalid?: MessageCode }): number | undefined {
    const value = this.present(key);
    if (value === undefined) return opts.required ? this.fail(key, 'required') : undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(',', '.')) : NaN;
    if (!Number.isFinite(n) || n < opts.min || n > opts.max || (opts.integer && !Number.isInteger(n))) {
      return this.fail(key, opts.invalid ?? 'invalid_number');
    }
    return n;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.present(key);
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const v = value.toLowerCase();
      if (['true', 'on', '1', 'ya', 'yes'].includes(v)) return true;
      if (['false', 'off', '0', 'tidak', 'no'].includes(v)) return false;
    }
    this.fail(key, 'invalid_boolean');
    return fallback;
  }

  date(key: string, today: string): string | undefined {
    const value = this.present(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !isCalendarDate(value) || value > today || value < '2000-01-01') {
      return this.fail(key, 'invalid_date');
    }
    return value;
  }
}

function readPupuk(r: Reader, today: string): PupukDetails {
  const details: PupukDetails = {
    fertiliserType: r.choice('fertiliserType', FERTILISER_TYPE_IDS, { required: true }) ?? 'lainnya',
    problems: r.choices('problems', PUPUK_PROBLEM_IDS, { required: true }) ?? [],
    kioskName: r.text('kioskName'),
    kioskDesa: r.text('kioskDesa'),
    purchaseDate: r.date('purchaseDate', today),
    quantity: r.number('quantity', { min: 0.1, max: 100_000 }),
    unit: r.choice('unit', ['kg', 'bag'] as const),
    price: r.number('price', { min: 1, max: 1_000_000_000, integer: true }),
    priceUnit: r.choice('priceUnit', ['total', 'bag', 'kg'] as const),
    crop: r.text('crop'),
    landAreaHa: r.number('landAreaHa', { min: 0.01, max: 10_000 }),
    poktan: r.text('poktan'),
  };
  return dropUndefined(details);
}

function readJalan(r: Reader): JalanDetails {
  return dropUndefined({
    roadName: r.text('roadName'),
    damageType: r.choice('damageType', DAMAGE_TYPES, { required: true }) ?? 'lainnya',
    severity: (r.number('severity', { required: true, min: 1, max: 3, integer: true }) ?? 1) as 1 | 2 | 3,
  });
}

function readAspirasi(r: Reader): AspirasiDetails {
  return dropUndefined({ topic: r.text('topic', { required: true }) ?? '', session: r.text('session') });
}

const DETAIL_READERS: Partial<Record<CategoryId, (r: Reader, today: string) => ReportDetails>> = {
  pupuk: readPupuk,
  jalan: readJalan,
  aspirasi: readAspirasi,
};

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function asRecord(value: unknown): Raw {
  if (typeof value === 'string') {
    try { return asRecord(JSON.parse(value)); } catch { return {}; }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

interface RegionIndex { kecamatanCodes: string[]; kecamatanOfDesa: Map<string, string> }

// A region is reference data, built once and never changed, so its lookup tables are built once
// too: scanning every desa of the kabupaten on each submission was the validator's main cost.
const regionIndexes = new WeakMap<Region, RegionIndex>();

function indexOf(region: Region): RegionIndex {
  let index = regionIndexes.get(region);
  if (!index) {
    index = {
      kecamatanCodes: region.kecamatan.map((k) => k.code),
      kecamatanOfDesa: new Map(region.kecamatan.flatMap((k) => k.desa.map((d) => [d.code, k.code] as const))),
    };
    regionIndexes.set(region, index);
  }
  return index;
}

export function inBounds(region: Region, lat: number, lng: number): boolean {
  const b = region.bounds;
  return !b || (lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng);
}

/**
 * Validates and normalises a citizen's report. `today` (YYYY-MM-DD, WIB) bounds dates.
 * Field keys in errors use dots for details (`details.fertiliserType`), as the form names them.
 */
export interface ParseOptions {
  /**
   * Channels whose one-line format cannot carry category details (SMS, WhatsApp `LAPOR#…`) may
   * send `details: { notGiven: true }`; the web form never may, so its details stay required.
   */
  allowDetailsNotGiven?: boolean;
}

export function parseReportInput(raw: unknown, region: Region, today: string, options: ParseOptions = {}): ParseResult<ReportInput> {
  const body = asRecord(raw);
  const r = new Reader(body);
  const category = r.choice('category', CATEGORY_IDS, { required: true, invalid: 'invalid_category' });
  const description = r.text('description', {
    required: true, min: DESCRIPTION_MIN, max: DESCRIPTION_MAX, tooShort: 'description_too_short', tooLong: 'description_too_long',
  });
  const { kecamatanCodes, kecamatanOfDesa } = indexOf(region);
  const kecamatanCode = r.choice('kecamatan', kecamatanCodes, { required: true, invalid: 'invalid_kecamatan' });
  const desaCode = r.text('desa', { required: true });
  const errors: FieldErrors = r.errors;
  if (desaCode !== undefined) {
    const desaKecamatan = kecamatanOfDesa.get(desaCode);
    if (!desaKecamatan) errors.desa ??= 'invalid_desa';
    else if (kecamatanCode && desaKecamatan !== kecamatanCode) errors.desa ??= 'desa_not_in_kecamatan';
  }
  const lat = r.number('lat', { min: -90, max: 90, invalid: 'invalid_coordinates' });
  const lng = r.number('lng', { min: -180, max: 180, invalid: 'invalid_coordinates' });
  if ((lat === undefined) !== (lng === undefined) && !errors.lat && !errors.lng) errors[lat === undefined ? 'lat' : 'lng'] = 'coordinates_incomplete';
  else if (lat !== undefined && lng !== undefined && !inBounds(region, lat, lng)) errors.lat = 'outside_region';
  const name = r.text('name', { max: 100, tooLong: 'name_too_long' });
  const rawPhone = r.text('phone', { max: 30, tooLong: 'invalid_phone' });
  const phone = rawPhone === undefined ? undefined : normalisePhone(rawPhone) ?? undefined;
  if (rawPhone !== undefined && phone === undefined) errors.phone ??= 'invalid_phone';
  const anonymous = r.boolean('anonymous', false);
  // A kiosk owner in a small village knows his customers: pupuk reports are confidential unless the citizen says otherwise.
  const confidential = r.boolean('confidential', category === 'pupuk');
  const clientId = r.text('clientId');
  if (clientId !== undefined && !UUID.test(clientId)) errors.clientId ??= 'invalid_client_id';

  let details: ReportDetails = {};
  const readDetails = category ? DETAIL_READERS[category] : undefined;
  const notGiven = options.allowDetailsNotGiven === true && asRecord(body.details).notGiven === true;
  if (notGiven && readDetails) {
    details = { notGiven: true };
  } else if (readDetails) {
    const detailReader = new Reader(asRecord(body.details), 'details.');
    details = readDetails(detailReader, today);
    Object.assign(errors, detailReader.errors);
  }
  if (Object.keys(errors).length > 0 || !category || !description || !kecamatanCode || !desaCode) {
    return { ok: false, fields: errors };
  }
  return {
    ok: true,
    value: dropUndefined({
      category, description, kecamatan: kecamatanCode, desa: desaCode, lat, lng, name, phone, anonymous, confidential,
      clientId: clientId?.toLowerCase(), details,
    }),
  };
}
