import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Region } from '../../shared/types.ts';
import blora from '../../shared/reference/region-33.16.json' with { type: 'json' };

function readCsv(dataDir: string, file: string): string[][] {
  return readFileSync(join(dataDir, file), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

/**
 * Builds a regency's kecamatan and desa from the idn-area-data package (ODbL-1.0).
 * Centroids and bounds are not in that data; they come from boundary polygons when imported.
 */
export function regionFromIdnAreaData(regionCode: string): Region {
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const regency = readCsv(dataDir, 'regencies.csv').find(([code]) => code === regionCode);
  if (!regency) throw new Error(`REGION_CODE ${regionCode} tidak dikenal di data wilayah Kemendagri (idn-area-data)`);
  const villages = readCsv(dataDir, 'villages.csv');
  return {
    code: regionCode,
    name: regency[2],
    bounds: null,
    source: 'idn-area-data@4.0.1 (ODbL-1.0)',
    kecamatan: readCsv(dataDir, 'districts.csv')
      .filter(([, parent]) => parent === regionCode)
      .map(([code, , name]) => ({
        code,
        name,
        centroid: null,
        desa: villages.filter(([, parent]) => parent === code).map(([vCode, , vName]) => ({ code: vCode, name: vName })),
      })),
  };
}

/** Blora ships with its centroids and bounds; any other regency is read from idn-area-data. */
export function loadRegion(regionCode: string): Region {
  return regionCode === blora.code ? (blora as Region) : regionFromIdnAreaData(regionCode);
}
