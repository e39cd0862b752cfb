// Plane geometry on [lng, lat] degrees (RFC 7946 order), enough for kecamatan-sized polygons:
// validity checks, bounds, centroid and point-in-polygon. Pure functions, no I/O.

import type { AreaGeometry, Bounds, PolygonCoords, Position } from '../../shared/geo.ts';

export type { AreaGeometry, Bounds, Position } from '../../shared/geo.ts';

/** Why a geometry is unusable (a short Indonesian reason), or null when it is a valid area. */
export type GeometryProblem = 'bukan Polygon/MultiPolygon' | 'koordinat tidak valid' | 'cincin kurang dari 4 titik' | 'cincin tidak tertutup' | 'luas nol' | 'sisi bersilangan';

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number'
    && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum / 2;
}

function orient(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  // Proper crossings only: rings from real boundary data touch at shared vertices.
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/**
 * A ring crosses itself. Every pair of edges is compared (O(n²)), but a pair whose boxes do
 * not overlap is refused by four comparisons of precomputed numbers, so a ring of 1,000
 * points takes about a millisecond; rings larger than 5,000 points are trusted.
 */
function selfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1;
  if (n > 5000) return false;
  const box = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    box[i * 4] = Math.min(x0, x1); box[i * 4 + 1] = Math.max(x0, x1);
    box[i * 4 + 2] = Math.min(y0, y1); box[i * 4 + 3] = Math.max(y0, y1);
  }
  for (let i = 0; i < n; i++) {
    const minX = box[i * 4], maxX = box[i * 4 + 1], minY = box[i * 4 + 2], maxY = box[i * 4 + 3];
    for (let j = i + 2; j < n; j++) {
      if (box[j * 4] > maxX || box[j * 4 + 1] < minX || box[j * 4 + 2] > maxY || box[j * 4 + 3] < minY) continue;
      if (i === 0 && j === n - 1) continue; // neighbours through the closing point
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

function checkPolygon(rings: unknown): GeometryProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'koordinat tidak valid';
  for (const ring of rings) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return 'koordinat tidak valid';
    if (ring.length < 4) return 'cincin kurang dari 4 titik';
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) return 'cincin tidak tertutup';
    if (selfIntersects(ring)) return 'sisi bersilangan';
    if (ringArea(ring) === 0) return 'luas nol';
  }
  return null;
}

export function checkGeometry(geometry: unknown): GeometryProblem | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return 'bukan Polygon/MultiPolygon';
  if (g.type === 'Polygon') return checkPolygon(g.coordinates);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'koordinat tidak valid';
    for (const polygon of g.coordinates) {
      const problem = checkPolygon(polygon);
      if (problem) return problem;
    }
    return null;
  }
  return 'bukan Polygon/MultiPolygon';
}

function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function boundsOf(geometry: AreaGeometry): Bounds {
  const b: Bounds = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]) {
      if (lng < b.minLng) b.minLng = lng;
      if (lng > b.maxLng) b.maxLng = lng;
      if (lat < b.minLat) b.minLat = lat;
      if (lat > b.maxLat) b.maxLat = lat;
    }
  }
  return b;
}

export function boundsContain(outer: Bounds, inner: Bounds, tolerance = 0): boolean {
  return inner.minLng >= outer.minLng - tolerance && inner.maxLng <= outer.maxLng + tolerance
    && inner.minLat >= outer.minLat - tolerance && inner.maxLat <= outer.maxLat + tolerance;
}

/** Area-weighted centroid of the outer rings (holes are small enough to ignore for a label). */
export function centroidOf(geometry: AreaGeometry): { lat: number; lng: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygonsOf(geometry)) {
    const ring = polygon[0];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
  }
  if (area === 0) {
    const b = boundsOf(geometry);
    return { lat: (b.minLat + b.maxLat) / 2, lng: (b.minLng + b.maxLng) / 2 };
  }
  return { lng: cx / (3 * area), lat: cy / (3 * area) };
}

function inRing(lng: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside the area (inside an outer ring and outside its holes). */
export function containsPoint(geometry: AreaGeometry, lng: number, lat: number): boolean {
  return polygonsOf(geometry).some(([outer, ...holes]) => inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)));
}

export interface Area { code: string; geometry: AreaGeometry; bounds: Bounds }

export function boundsHold(b: Bounds, lng: number, lat: number): boolean {
  return lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat;
}

/** The code of the first area containing the point, or null (a linear scan; see AreaIndex). */
export function locatePoint(areas: readonly Area[], lng: number, lat: number): string | null {
  for (const area of areas) {
    if (boundsHold(area.bounds, lng, lat) && containsPoint(area.geometry, lng, lat)) return area.code;
  }
  return null;
}
