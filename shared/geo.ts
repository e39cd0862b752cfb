// GeoJSON geometry of an area (RFC 7946: [lng, lat] degrees), as the server stores it and the
// map draws it.

export type Position = [number, number];
export type PolygonCoords = Position[][];
export interface PolygonGeometry { type: 'Polygon'; coordinates: PolygonCoords }
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: PolygonCoords[] }
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export interface Bounds { minLng: number; minLat: number; maxLng: number; maxLat: number }
export const AREA_LEVELS = ['kecamatan', 'desa'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** A kecamatan or desa polygon keyed by its Kemendagri code, with what lookups need precomputed. */
export interface AreaFeature {
  code: string;
  level: AreaLevel;
  name: string;
  geometry: AreaGeometry;
  bounds: Bounds;
  centroid: { lat: number; lng: number };
}
