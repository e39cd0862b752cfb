// Regenerates shared/reference/region-33.16.json from idn-area-data (ODbL-1.0) after an
// upgrade of that package, keeping Blora's centroids and bounds: `npx tsx server/reference/generate-region.ts`.
import { writeFileSync } from 'node:fs';
import { loadRegion, regionFromIdnAreaData } from './region.ts';

const current = loadRegion('33.16');
const fresh = regionFromIdnAreaData('33.16');
const region = {
  ...fresh,
  bounds: current.bounds,
  kecamatan: fresh.kecamatan.map((k) => ({ ...k, centroid: current.kecamatan.find((c) => c.code === k.code)?.centroid ?? null })),
};
writeFileSync('shared/reference/region-33.16.json', JSON.stringify(region) + '\n');
console.log(`${region.name}: ${region.kecamatan.length} kecamatan, ${region.kecamatan.reduce((n, k) => n + k.desa.length, 0)} desa`);
