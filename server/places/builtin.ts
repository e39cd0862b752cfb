// Boundaries shipped with the project as reference data (./builtin/<REGION_CODE>/, see NOTICE.md
// there): Blora's 16 kecamatan and 295 desa, so a fresh install draws the choropleth and places
// GPS points without an import. Read once per process and shared: they never change at run time.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AreaFeature, AreaLevel } from '../../shared/geo.ts';
import type { Region } from '../../shared/types.ts';
import { parseBoundaries } from './boundaries.ts';
import type { Boundaries } from './places.ts';

const cache = new Map<string, Boundaries>();

function builtInFile(regionCode: string, level: AreaLevel): string {
  return fileURLToPath(new URL(`./builtin/${regionCode}/${level}.geojson`, import.meta.url));
}

/**
 * The shipped boundaries of the region, read like an import but without the ring checks
 * (O(n²) per ring, a third of a second at every start; test/places/point.test.ts runs them on
 * the shipped files). Null per level when none ship.
 */
export function builtInBoundaries(region: Region): Boundaries {
  const cached = cache.get(region.code);
  if (cached) return cached;
  const read = (level: AreaLevel): AreaFeature[] | null => {
    const file = builtInFile(region.code, level);
    return existsSync(file) ? parseBoundaries(JSON.parse(readFileSync(file, 'utf8')), region, { trustedGeometry: true })[level] : null;
  };
  const boundaries = { kecamatan: read('kecamatan'), desa: read('desa') };
  cache.set(region.code, boundaries);
  return boundaries;
}
