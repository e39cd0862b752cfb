// Point → kecamatan and desa on the boundaries shipped for Blora (server/places/builtin/33.16).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AreaIndex } from '../../server/places/area-index.ts';
import { parseBoundaries } from '../../server/places/boundaries.ts';
import { builtInBoundaries } from '../../server/places/builtin.ts';
import { locatePoint } from '../../server/places/geo.ts';
import { createPlaces, placeOfPoint } from '../../server/places/places.ts';
import { loadRegion } from '../../server/reference/region.ts';

const region = loadRegion('33.16');
const shipped = builtInBoundaries(region);
const places = createPlaces(region, shipped);

describe('places: the boundaries shipped for Blora', () => {
  it('pass the import validation and cover exactly the 16 kecamatan and 295 desa of the region', () => {
    for (const level of ['kecamatan', 'desa'] as const) {
      const file = new URL(`../../server/places/builtin/33.16/${level}.geojson`, import.meta.url);
      const parsed = parseBoundaries(JSON.parse(readFileSync(file, 'utf8')), region);
      assert.deepEqual(parsed[level].map((a) => a.code), shipped[level]?.map((a) => a.code));
    }
    assert.deepEqual(shipped.kecamatan?.map((k) => k.code).sort(), region.kecamatan.map((k) => k.code).sort());
    assert.deepEqual(shipped.desa?.map((d) => d.code).sort(), region.kecamatan.flatMap((k) => k.desa.map((d) => d.code)).sort());
  });

  it('ship their source and licence notice beside them', () => {
    const notice = readFileSync(new URL('../../server/places/builtin/33.16/NOTICE.md', import.meta.url), 'utf8');
    assert.match(notice, /cahyadsn\/wilayah_boundaries/);
    assert.match(notice, /MIT/);
  });
});

describe('places: which kecamatan and desa a point lies in', () => {
  const known: { name: string; lat: number; lng: number; kecamatan: string; desa: string }[] = [
    { name: 'the middle of Cepu town', lat: -7.1494, lng: 111.5903, kecamatan: 'Cepu', desa: 'Cepu' },
    { name: 'the alun-alun of Blora', lat: -6.9698, lng: 111.4186, kecamatan: 'Blora', desa: 'Tempelan' },
    { name: 'Randublatung', lat: -7.196, lng: 111.399, kecamatan: 'Randublatung', desa: 'Wulung' },
  ];
  for (const p of known) {
    it(`places a point in ${p.name} in desa ${p.desa}, kecamatan ${p.kecamatan}`, () => {
      const found = placeOfPoint(places, p.lat, p.lng);
      assert.equal(found?.kecamatan.name, p.kecamatan);
      assert.equal(found?.desa?.name, p.desa);
      assert.ok(found?.desa?.code.startsWith(`${found.kecamatan.code}.`));
    });
  }

  it('places nothing outside the regency: Bojonegoro, Rembang, the Java Sea, or no number at all', () => {
    assert.equal(placeOfPoint(places, -7.15, 111.88), null);
    assert.equal(placeOfPoint(places, -6.75, 111.4), null);
    assert.equal(placeOfPoint(places, -6.5, 111.4), null);
    assert.equal(placeOfPoint(places, Number.NaN, 111.4), null);
  });

  it('finds with the grid index exactly what a scan of every polygon finds, and the kecamatan polygons agree with the desa', () => {
    const desaIndex = new AreaIndex(shipped.desa ?? []);
    const kecamatanIndex = new AreaIndex(shipped.kecamatan ?? []);
    let placed = 0;
    for (let lat = -7.39; lat <= -6.84; lat += 0.005) {
      for (let lng = 111.09; lng <= 111.64; lng += 0.005) {
        const desa = desaIndex.find(lng, lat)?.code ?? null;
        assert.equal(desa, locatePoint(shipped.desa ?? [], lng, lat), `${lat},${lng}`);
        const kecamatan = kecamatanIndex.find(lng, lat)?.code ?? null;
        // Polygons drawn from the desa borders: a point in a desa is in its kecamatan, apart from
        // slivers the source dropped (< 0.01 km²), which a 500 m grid does not hit.
        if (desa) {
          assert.equal(kecamatan, desa.slice(0, 8), `${lat},${lng}`);
          placed += 1;
        }
      }
    }
    assert.ok(placed > 5000, `${placed} grid points inside Blora`);
  });
});
