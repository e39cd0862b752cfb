// Which area contains a point, fast: a uniform grid over the areas' joint bounds, each cell
// listing the areas whose bounding box overlaps it. A look-up tests the bounding boxes of a
// cell's few areas (usually 1–4 of Blora's 295 desa) and runs the exact point-in-polygon test
// only on those that hold the point, so a point costs microseconds, not a scan of every ring.
import type { Bounds } from '../../shared/geo.ts';
import { boundsHold, containsPoint, type Area } from './geo.ts';

/** Cells per side; 32 × 32 over a regency gives cells of about 2 km. */
const GRID = 32;

export class AreaIndex<A extends Area> {
  private readonly cells: A[][] = Array.from({ length: GRID * GRID }, () => []);
  private readonly bounds: Bounds;
  private readonly cellLng: number;
  private readonly cellLat: number;

  constructor(readonly areas: readonly A[]) {
    this.bounds = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
    for (const { bounds: b } of areas) {
      this.bounds.minLng = Math.min(this.bounds.minLng, b.minLng);
      this.bounds.minLat = Math.min(this.bounds.minLat, b.minLat);
      this.bounds.maxLng = Math.max(this.bounds.maxLng, b.maxLng);
      this.bounds.maxLat = Math.max(this.bounds.maxLat, b.maxLat);
    }
    // A zero-width extent (no areas, or one degenerate box) still gets a usable cell size.
    this.cellLng = (this.bounds.maxLng - this.bounds.minLng) / GRID || 1;
    this.cellLat = (this.bounds.maxLat - this.bounds.minLat) / GRID || 1;
    for (const area of areas) {
      const [x0, y0] = this.cellOf(area.bounds.minLng, area.bounds.minLat);
      const [x1, y1] = this.cellOf(area.bounds.maxLng, area.bounds.maxLat);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) this.cells[y * GRID + x].push(area);
    }
  }

  private cellOf(lng: number, lat: number): [number, number] {
    const clamp = (n: number) => Math.min(GRID - 1, Math.max(0, Math.floor(n)));
    return [clamp((lng - this.bounds.minLng) / this.cellLng), clamp((lat - this.bounds.minLat) / this.cellLat)];
  }

  /** The first area (in the order given) containing the point, or null. */
  find(lng: number, lat: number): A | null {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || !boundsHold(this.bounds, lng, lat)) return null;
    const [x, y] = this.cellOf(lng, lat);
    for (const area of this.cells[y * GRID + x]) {
      if (boundsHold(area.bounds, lng, lat) && containsPoint(area.geometry, lng, lat)) return area;
    }
    return null;
  }
}
