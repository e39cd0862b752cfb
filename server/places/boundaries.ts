// Kecamatan and desa boundary polygons: validated on import (CLI), and served as GeoJSON to the
// map's choropleth. Pure functions; storing them is ./areas.ts.
import type { AreaFeature, AreaGeometry, AreaLevel, Bounds } from '../../shared/geo.ts';
import type { Region } from '../../shared/types.ts';
import { boundsContain, boundsOf, centroidOf, checkGeometry } from './geo.ts';

/** How far (degrees, ≈1 km) a polygon may stick out of the regency bounds: those are rounded. */
const BOUNDS_TOLERANCE = 0.01;
const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export interface ParsedBoundaries { kecamatan: AreaFeature[]; desa: AreaFeature[] }

export class BoundaryImportError extends Error {
  constructor(readonly problems: string[]) { super(problems.join('\n')); }
}

function levelOf(code: string): AreaLevel | null {
  if (KECAMATAN_CODE.test(code)) return 'kecamatan';
  if (DESA_CODE.test(code)) return 'desa';
  return null;
}

/**
 * Reads a GeoJSON FeatureCollection of kecamatan and/or desa polygons, each keyed by its
 * Kemendagri code in `properties.code`. Every problem is collected and reported together;
 * one bad feature refuses the whole file, so the store never holds half an import.
 */
export function parseBoundaries(json: unknown, region: Region, options: { trustedGeometry?: boolean } = {}): ParsedBoundaries {
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
  const out: ParsedBoundaries = { kecamatan: [], desa: [] };
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
    // The shipped files are checked once by a test (test/places/point.test.ts), not at every start.
    const problem = options.trustedGeometry ? null : checkGeometry(feature.geometry);
    if (problem) return problems.push(`${where}: geometri tidak valid (${problem}).`);
    const geometry = feature.geometry as AreaGeometry;
    const bounds = boundsOf(geometry);
    if (regionBounds && !boundsContain(regionBounds, bounds, BOUNDS_TOLERANCE)) {
      return problems.push(`${where}: poligon berada di luar batas kabupaten.`);
    }
    out[level].push(areaFeature(level, code, names.get(code) ?? code, geometry));
    return undefined;
  });
  if (problems.length) throw new BoundaryImportError(problems);
  if (out.kecamatan.length === 0 && out.desa.length === 0) throw new BoundaryImportError(['Berkas tidak berisi poligon kecamatan atau desa.']);
  return out;
}

/** An area with its bounds and centroid worked out once, so look-ups need not. */
export function areaFeature(level: AreaLevel, code: string, name: string, geometry: AreaGeometry): AreaFeature {
  return { code, level, name, geometry, bounds: boundsOf(geometry), centroid: centroidOf(geometry) };
}

/** GeoJSON for the map's choropleth (GET /api/map/boundaries). */
export function toFeatureCollection(features: readonly AreaFeature[] | null): { type: 'FeatureCollection'; features: unknown[] } | null {
  if (!features) return null;
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', id: f.code, properties: { code: f.code, name: f.name }, geometry: f.geometry })),
  };
}
