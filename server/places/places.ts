// Places of the regency served: which kecamatan and desa a GPS point lies in, and which ones a
// typed name means. Used by intake (the location check), the map (choropleth), and by every
// channel that receives a place as a point or as words (WhatsApp, SMS, Open311).
//
//   const places = createPlaces(region, boundaries);   // once per reload of the catalog
//   placeOfPoint(places, -7.1492, 111.5839)            // → { kecamatan: {code, name: 'Cepu'}, desa: {…} }
//   matchDesa(places, 'ds. sumber rejo', { kecamatan: '33.16.02' })
import type { AreaFeature } from '../../shared/geo.ts';
import type { Region } from '../../shared/types.ts';
import { AreaIndex } from './area-index.ts';
import { bestSpan, MIN_SCORE, nameKeys, placeWords, spansOf, type NameKeys, type Span } from './names.ts';

export interface Boundaries { kecamatan: AreaFeature[] | null; desa: AreaFeature[] | null }

export interface PlaceName { code: string; name: string }
export interface PointPlace { kecamatan: PlaceName; desa: PlaceName | null }

/** A candidate for a typed name; `kecamatan` is the code of the kecamatan (its own for a kecamatan). */
export interface PlaceMatch { code: string; name: string; kecamatan: string; score: number }

interface NamedPlace { code: string; name: string; kecamatan: string; keys: NameKeys }

export interface Places {
  readonly region: Region;
  readonly boundaries: Boundaries;
  readonly kecamatanIndex: AreaIndex<AreaFeature> | null;
  readonly desaIndex: AreaIndex<AreaFeature> | null;
  readonly kecamatanNames: readonly NamedPlace[];
  readonly desaNames: readonly NamedPlace[];
  /**
   * Kecamatan none of whose desa has a polygon: only there does a point outside every desa
   * polygon fall back to the kecamatan polygons (with Blora's shipped data, nowhere: the
   * kecamatan are the union of their desa, and the large kecamatan rings are never scanned
   * for a point outside the regency).
   */
  readonly kecamatanIndexWithoutDesa: AreaIndex<AreaFeature> | null;
}

const DEFAULT_LIMIT = 5;
/** A desa outside the kecamatan the text also names scores this much of its match. */
const OTHER_KECAMATAN_FACTOR = 0.9;
/** How sure a span must be to count as the text naming a kecamatan. */
const KECAMATAN_MENTION_SCORE = 0.85;

export function createPlaces(region: Region, boundaries: Boundaries): Places {
  const kecamatanNames: NamedPlace[] = [];
  const desaNames: NamedPlace[] = [];
  for (const k of region.kecamatan) {
    kecamatanNames.push({ code: k.code, name: k.name, kecamatan: k.code, keys: nameKeys(k.name) });
    for (const d of k.desa) desaNames.push({ code: d.code, name: d.name, kecamatan: k.code, keys: nameKeys(d.name) });
  }
  const withDesa = new Set((boundaries.desa ?? []).map((d) => d.code.slice(0, 8)));
  const withoutDesa = (boundaries.kecamatan ?? []).filter((k) => !withDesa.has(k.code));
  return {
    region,
    boundaries,
    kecamatanIndex: boundaries.kecamatan?.length ? new AreaIndex(boundaries.kecamatan) : null,
    desaIndex: boundaries.desa?.length ? new AreaIndex(boundaries.desa) : null,
    kecamatanNames,
    desaNames,
    kecamatanIndexWithoutDesa: withoutDesa.length ? new AreaIndex(withoutDesa) : null,
  };
}

function nameOf(names: readonly NamedPlace[], code: string): PlaceName {
  return { code, name: names.find((n) => n.code === code)?.name ?? code };
}

/**
 * The kecamatan and desa a point lies in, by the boundaries; null when it lies in none (outside
 * the regency, or no boundaries known). `desa` is null where only kecamatan polygons cover it
 * (a kecamatan without desa polygons).
 * The kecamatan of a desa found is the desa's own (its code's prefix), so the two always agree.
 */
export function placeOfPoint(places: Places, lat: number, lng: number): PointPlace | null {
  const desa = places.desaIndex?.find(lng, lat) ?? null;
  if (desa) return { kecamatan: nameOf(places.kecamatanNames, desa.code.slice(0, 8)), desa: { code: desa.code, name: desa.name } };
  const kecamatan = places.kecamatanIndexWithoutDesa?.find(lng, lat) ?? null;
  return kecamatan ? { kecamatan: { code: kecamatan.code, name: kecamatan.name }, desa: null } : null;
}

function ranked(matches: PlaceMatch[], limit: number): PlaceMatch[] {
  return matches
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, Math.max(0, limit))
    .map((m) => ({ ...m, score: Math.round(m.score * 1000) / 1000 }));
}

/** The kecamatan a text most likely names, best first, each with a score in (0, 1]. */
export function matchKecamatan(places: Places, text: string, limit = DEFAULT_LIMIT): PlaceMatch[] {
  const words = placeWords(text);
  const spans = spansOf(words);
  return ranked(places.kecamatanNames.map((k) => ({ code: k.code, name: k.name, kecamatan: k.code, score: bestSpan(spans, k.keys, words.length).score })), limit);
}

function overlaps(a: Span, b: Span): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * The desa a text most likely names, best first. With `kecamatan` only that kecamatan's desa
 * are candidates. Without it, a text that also names a kecamatan ("Sumberejo, Randublatung")
 * is read as desa + kecamatan: that kecamatan's desa are matched against the other words, and
 * desa of other kecamatan score a little less. A name shared by several kecamatan and nothing
 * else to tell them apart comes back once for each, with equal scores, for the caller to ask.
 */
export function matchDesa(places: Places, text: string, options: { kecamatan?: string; limit?: number } = {}): PlaceMatch[] {
  const words = placeWords(text);
  const spans = spansOf(words);
  const candidates = options.kecamatan ? places.desaNames.filter((d) => d.kecamatan === options.kecamatan) : places.desaNames;
  const mentions = new Map<string, Span>();
  if (!options.kecamatan) {
    for (const k of places.kecamatanNames) {
      const { score, span } = bestSpan(spans, k.keys, words.length);
      if (score >= KECAMATAN_MENTION_SCORE && span) mentions.set(k.code, span);
    }
  }
  const matches = candidates.map((d): PlaceMatch => {
    const own = mentions.get(d.kecamatan);
    const ownLength = own ? own.to - own.from : 0;
    if (own && ownLength < words.length) {
      return { code: d.code, name: d.name, kecamatan: d.kecamatan, score: bestSpan(spans.filter((s) => !overlaps(s, own)), d.keys, words.length - ownLength).score };
    }
    const { score, span } = bestSpan(spans, d.keys, words.length);
    // Only a kecamatan named *besides* the desa counts against it: "Bogorejo" alone is as much
    // the desa of Japah as the one of kecamatan Bogorejo.
    const elsewhere = span !== null && [...mentions.values()].some((m) => !overlaps(m, span));
    return { code: d.code, name: d.name, kecamatan: d.kecamatan, score: elsewhere ? score * OTHER_KECAMATAN_FACTOR : score };
  });
  return ranked(matches, options.limit ?? DEFAULT_LIMIT);
}

/**
 * Compares the citizen's chosen kecamatan/desa with where their GPS point lies. Returns the
 * place from the point when it differs (desa null where the polygons say nothing of it), or
 * null when it agrees, no point was given, or the point lies in no known area.
 */
export function locationMismatchOf(places: Places, input: { kecamatan: string; desa: string; lat?: number; lng?: number }): { kecamatan: string | null; desa: string | null } | null {
  if (input.lat === undefined || input.lng === undefined) return null;
  const found = placeOfPoint(places, input.lat, input.lng);
  if (!found) return null;
  const kecamatanDiffers = found.kecamatan.code !== input.kecamatan;
  const desaDiffers = found.desa !== null && found.desa.code !== input.desa;
  return kecamatanDiffers || desaDiffers ? { kecamatan: found.kecamatan.code, desa: found.desa?.code ?? null } : null;
}
