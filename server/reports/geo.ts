const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres (haversine); plenty precise at a kabupaten's scale. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The box holding every point within `metres` of this one (a little more at its corners). */
export function boxAround(p: { lat: number; lng: number }, metres: number): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 1e-6);
  return { minLng: p.lng - dLng, minLat: p.lat - dLat, maxLng: p.lng + dLng, maxLat: p.lat + dLat };
}
