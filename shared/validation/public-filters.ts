// The public list's filters (/laporan, /laporan.atom, /api/public/*), as one valibot schema:
// the same query string serves the page, its map and its feed. Whether a kecamatan or desa
// code exists is the server's check against the region (server/public/service.ts).
import * as v from 'valibot';
import { CATEGORY_IDS } from '../reference/categories.ts';
import { STATUSES } from '../reference/statuses.ts';
import { checkWith, type ParseResult } from './schema.ts';

const STATUS_IDS = STATUSES.map((s) => s.id);

/** Opaque keyset cursors are short; anything longer is not one of ours. */
const CURSOR_MAX = 200;

export const PublicFiltersSchema = v.object({
  kecamatan: v.optional(v.pipe(v.string('invalid_kecamatan'), v.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'invalid_kecamatan'))),
  desa: v.optional(v.pipe(v.string('invalid_desa'), v.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'invalid_desa'))),
  category: v.optional(v.picklist(CATEGORY_IDS, 'invalid_category')),
  status: v.optional(v.picklist(STATUS_IDS, 'invalid_choice')),
  /** The keyset cursor of the next page ("sebelum": older than the last one shown). */
  sebelum: v.optional(v.pipe(v.string('invalid_cursor'), v.maxLength(CURSOR_MAX, 'invalid_cursor'))),
});

export type PublicFilters = v.InferOutput<typeof PublicFiltersSchema>;

const FILTER_KEYS = ['kecamatan', 'desa', 'category', 'status', 'sebelum'] as const;

/**
 * Reads a query object. An empty value ("Semua" in the form) means no filter; a key given
 * twice (an array) is refused like any other bad value; unknown keys are ignored.
 */
export function parsePublicFilters(query: Record<string, unknown>): ParseResult<PublicFilters> {
  const present: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    present[key] = typeof value === 'string' ? value.trim() : value;
  }
  return checkWith(PublicFiltersSchema, present);
}

/** The query string of a filter set, stable order, cursor left out unless asked for. */
export function publicFiltersToQuery(f: PublicFilters, withCursor = false): string {
  const params = new URLSearchParams();
  if (f.kecamatan) params.set('kecamatan', f.kecamatan);
  if (f.desa) params.set('desa', f.desa);
  if (f.category) params.set('category', f.category);
  if (f.status) params.set('status', f.status);
  if (withCursor && f.sebelum) params.set('sebelum', f.sebelum);
  return params.toString();
}
