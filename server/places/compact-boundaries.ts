// Rewrites a boundary GeoJSON file compactly, for shipping as built-in reference data:
// coordinates rounded to 5 decimals (≈1.1 m at the equator; the source's 6 are ≈0.1 m, finer
// than the polygons are true), points made equal by the rounding dropped, and only the
// properties the import reads kept. Neighbouring areas share their border vertices, and
// rounding moves a shared vertex the same way in both, so no gap or overlap appears.
//   npx tsx server/places/compact-boundaries.ts IN.geojson OUT.geojson
import { readFileSync, writeFileSync } from 'node:fs';

type Ring = [number, number][];
interface Feature { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }

const round = (n: number) => Math.round(n * 1e5) / 1e5;

function compactRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lng, lat] of ring) {
    const p: [number, number] = [round(lng), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : ring.map(([lng, lat]) => [round(lng), round(lat)]);
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('Pemakaian: npx tsx server/places/compact-boundaries.ts MASUK.geojson KELUAR.geojson');
const source = JSON.parse(readFileSync(input, 'utf8')) as { metadata?: unknown; features: Feature[] };
const features = source.features.map((f) => {
  const { code, name } = f.properties;
  const g = f.geometry;
  const coordinates = g.type === 'Polygon'
    ? (g.coordinates as Ring[]).map(compactRing)
    : (g.coordinates as Ring[][]).map((polygon) => polygon.map(compactRing));
  return { type: 'Feature', properties: { code, name }, geometry: { type: g.type, coordinates } };
});
// One feature a line: diffs of a later update stay readable.
writeFileSync(output, `{"type":"FeatureCollection","metadata":${JSON.stringify(source.metadata ?? {})},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
console.log(`${features.length} fitur → ${output}`);
