// Kecamatan and desa boundary polygons: validated on import (CLI), kept as store settings,
// read by the catalog at start. The project ships without them and works without them.
import type { Region } from '../../shared/types.ts';
import type { Store } from '../store/port.ts';
import { boundsContain, boundsOf, centroidOf, checkGeometry, locatePoint, type Area, type AreaGeometry, type Bounds } from './geo.ts';

export const BOUNDARY_SETTINGS = { kecamatan: 'boundaries:kecamatan', desa: 'boundaries:desa' } as const;
export type BoundaryLevel = keyof typeof BOUNDARY_SETTINGS;

export interface BoundaryFeature extends Area { name: string; centroid: { lat: number; lng: number } }
export interface Boundaries { kecamatan: BoundaryFeature[] | null; desa: BoundaryFeature[] | null }

/** How far (degrees, ≈1 km) a polygon may stick out of the regency bounds: those are rounded. */
const BOUNDS_TOLERANCE = 0.01;
const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export class BoundaryImportError extends Error {
  constructor(readonly problems: string[]) { super(problems.join('\n')); }
}

function levelOf(code: string): BoundaryLevel | null {
  if (KECAMATAN_CODE.test(code)) return 'kecamatan';
  if (DESA_CODE.test(code)) return 'desa';
  return null;
}

/**
 * Reads a GeoJSON FeatureCollection of kecamatan and/or desa polygons, each keyed by its
 * Kemendagri code in `properties.code`. Every problem is collected and reported together;
 * one bad feature refuses the whole file, so the store never holds half an import.
 */
export function parseBoundaries(json: unknown, region: Region): { kecamatan: BoundaryFeature[]; desa: BoundaryFeature[] } {
  const problems: string[] = [];
  const collection = json as { type?: unknown; features?: unknown } | null;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new BoundaryImportError(['Berkas harus GeoJSON FeatureCollection.']);
  }
  const names = new Map<string, string>();
  for (const k of region.kecamatan) {
    names.set(k.code, k.name);
    for (const d of k.desa) names.set(d.code, d.name);
  }
  const regionBounds: Bounds | null = region.bounds
    ? { minLng: region.bounds.minLng, minLat: region.bounds.minLat, maxLng: region.bounds.maxLng, maxLat: region.bounds.maxLat }
    : null;
  const out: { kecamatan: BoundaryFeature[]; desa: BoundaryFeature[] } = { kecamatan: [], desa: [] };
  const seen = new Set<string>();
  collection.features.forEach((raw: unknown, index: number) => {
    const feature = raw as { type?: unknown; properties?: { code?: unknown } | null; geometry?: unknown } | null;
    const code = typeof feature?.properties?.code === 'string' ? feature.properties.code.trim() : '';
    const where = `Fitur #${index + 1}${code ? ` (${code})` : ''}`;
    if (feature?.type !== 'Feature') return problems.push(`${where}: bukan Feature.`);
    const level = levelOf(code);
    if (!level) return problems.push(`${where}: properti "code" harus kode Kemendagri seperti ${region.code}.01 atau ${region.code}.01.2001.`);
    if (!names.has(code)) return problems.push(`${where}: kode tidak dikenal di wilayah ${region.code} (${region.name}).`);
    if (seen.has(code)) return problems.push(`${where}: kode muncul lebih dari sekali.`);
    seen.add(code);
    const problem = checkGeometry(feature.geometry);
    if (problem) return problems.push(`${where}: geometri tidak valid (${problem}).`);
    const geometry = feature.geometry as AreaGeometry;
    const bounds = boundsOf(geometry);
    if (regionBounds && !boundsContain(regionBounds, bounds, BOUNDS_TOLERANCE)) {
      return problems.push(`${where}: poligon berada di luar batas kabupaten.`);
    }
    out[level].push({ code, name: names.get(code) ?? code, geometry, bounds, centroid: centroidOf(geometry) });
    return undefined;
  });
  if (problems.length) throw new BoundaryImportError(problems);
  if (out.kecamatan.length === 0 && out.desa.length === 0) throw new BoundaryImportError(['Berkas tidak berisi poligon kecamatan atau desa.']);
  return out;
}

/** Validates and stores; a level absent from the file keeps what was stored before. */
export async function importBoundaries(store: Store, region: Region, json: unknown): Promise<{ kecamatan: number; desa: number }> {
  const parsed = parseBoundaries(json, region);
  if (parsed.kecamatan.length) await store.putSetting(BOUNDARY_SETTINGS.kecamatan, parsed.kecamatan);
  if (parsed.desa.length) await store.putSetting(BOUNDARY_SETTINGS.desa, parsed.desa);
  return { kecamatan: parsed.kecamatan.length, desa: parsed.desa.length };
}

export async function loadBoundaries(store: Store): Promise<Boundaries> {
  return {
    kecamatan: await store.getSetting<BoundaryFeature[]>(BOUNDARY_SETTINGS.kecamatan),
    desa: await store.getSetting<BoundaryFeature[]>(BOUNDARY_SETTINGS.desa),
  };
}

/**
 * Where a GPS point falls, by the imported polygons: kecamatan and desa codes, each null when
 * unknown (no polygons of that level, or the point lies in none).
 */
export function locate(boundaries: Boundaries, lng: number, lat: number): { kecamatan: string | null; desa: string | null } {
  const desa = boundaries.desa ? locatePoint(boundaries.desa, lng, lat) : null;
  const kecamatan = boundaries.kecamatan ? locatePoint(boundaries.kecamatan, lng, lat) : null;
  return { kecamatan: kecamatan ?? (desa ? desa.slice(0, 8) : null), desa };
}

/** GeoJSON for the map's choropleth (GET /api/map/boundaries). */
export function toFeatureCollection(features: readonly BoundaryFeature[] | null): { type: 'FeatureCollection'; features: unknown[] } | null {
  if (!features) return null;
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', id: f.code, properties: { code: f.code, name: f.name }, geometry: f.geometry })),
  };
}

/**
 * Compares the citizen's chosen kecamatan/desa with where their GPS point lies. Returns the
 * place from the point when it differs (a field is null where the polygons say nothing), or
 * null when it agrees, no point was given, or no polygons are known.
 */
export function locationMismatchOf(boundaries: Boundaries, input: { kecamatan: string; desa: string; lat?: number; lng?: number }): { kecamatan: string | null; desa: string | null } | null {
  if (input.lat === undefined || input.lng === undefined) return null;
  if (!boundaries.kecamatan && !boundaries.desa) return null;
  const found = locate(boundaries, input.lng, input.lat);
  const kecamatanDiffers = found.kecamatan !== null && found.kecamatan !== input.kecamatan;
  const desaDiffers = found.desa !== null && found.desa !== input.desa;
  return kecamatanDiffers || desaDiffers ? found : null;
}
