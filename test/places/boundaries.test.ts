// Boundary polygons: the pure geometry, the import's validation (through the real CLI), and
// what the server does with them: the choropleth endpoint and the intake's location check.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AreaGeometry, Position } from '../../shared/geo.ts';
import { parseBoundaries } from '../../server/places/boundaries.ts';
import { checkGeometry, containsPoint, locatePoint } from '../../server/places/geo.ts';
import { createPlaces, locationMismatchOf, placeOfPoint } from '../../server/places/places.ts';
import { addAndLogin } from '../helpers/desk.ts';
import { REGION, reportBody } from '../helpers/map.ts';
import { runCli } from '../helpers/processes.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

/** A closed square ring, counter-clockwise, [lng, lat]. */
function square(lng: number, lat: number, half: number): Position[] {
  return [[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]];
}

function feature(code: string, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties: { code, name: 'x' }, geometry };
}

// Two small kecamatan squares inside Blora (around the Cepu and Blora centroids) and one desa.
const CEPU = { lng: 111.5665, lat: -7.1628 };
const BLORA = { lng: 111.4343, lat: -6.9565 };
const BLORA_DESA = REGION.kecamatan.find((k) => k.code === '33.16.09')!.desa[1].code;
const FIXTURE = {
  type: 'FeatureCollection',
  features: [
    feature('33.16.05', { type: 'Polygon', coordinates: [square(CEPU.lng, CEPU.lat, 0.03)] }),
    feature('33.16.09', { type: 'MultiPolygon', coordinates: [[square(BLORA.lng, BLORA.lat, 0.03)]] }),
    feature(BLORA_DESA, { type: 'Polygon', coordinates: [square(BLORA.lng, BLORA.lat, 0.01)] }),
  ],
};

describe('boundaries: geometry', () => {
  const donut: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 2), square(0, 0, 1).reverse()] };

  it('a point is inside a polygon, but not inside its hole nor outside it', () => {
    assert.equal(containsPoint(donut, 1.5, 0), true);
    assert.equal(containsPoint(donut, 0.5, 0), false);
    assert.equal(containsPoint(donut, 3, 0), false);
  });

  it('locates a point in the first area containing it, or nowhere', () => {
    const areas = [
      { code: 'a', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } as AreaGeometry, bounds: { minLng: -1, minLat: -1, maxLng: 1, maxLat: 1 } },
      { code: 'b', geometry: { type: 'Polygon', coordinates: [square(5, 0, 1)] } as AreaGeometry, bounds: { minLng: 4, minLat: -1, maxLng: 6, maxLat: 1 } },
    ];
    assert.equal(locatePoint(areas, 5.2, 0.3), 'b');
    assert.equal(locatePoint(areas, 2.5, 0), null);
  });

  const invalid: { name: string; geometry: unknown; problem: string }[] = [
    { name: 'a point', geometry: { type: 'Point', coordinates: [111.4, -7] }, problem: 'bukan Polygon/MultiPolygon' },
    { name: 'no geometry', geometry: null, problem: 'bukan Polygon/MultiPolygon' },
    { name: 'an open ring', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1).slice(0, 4)] }, problem: 'cincin tidak tertutup' },
    { name: 'three positions', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, problem: 'cincin kurang dari 4 titik' },
    { name: 'a bow tie', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }, problem: 'sisi bersilangan' },
    { name: 'a flat ring', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] }, problem: 'luas nol' },
    { name: 'a latitude of 95', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 0], [0, 0]]] }, problem: 'koordinat tidak valid' },
    { name: 'text coordinates', geometry: { type: 'Polygon', coordinates: [[['0', '0'], [1, 0], [1, 1], ['0', '0']]] }, problem: 'koordinat tidak valid' },
    { name: 'an empty multipolygon', geometry: { type: 'MultiPolygon', coordinates: [] }, problem: 'koordinat tidak valid' },
  ];
  for (const { name, geometry, problem } of invalid) {
    it(`refuses ${name}`, () => assert.equal(checkGeometry(geometry), problem));
  }
  it('accepts a polygon with a hole and a multipolygon', () => {
    assert.equal(checkGeometry(donut), null);
    assert.equal(checkGeometry({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 0, 1)]] }), null);
  });
});

describe('boundaries: import validation', () => {
  it('reads kecamatan and desa polygons keyed by Kemendagri code, with their names from the region', () => {
    const parsed = parseBoundaries(FIXTURE, REGION);
    assert.deepEqual(parsed.kecamatan.map((f) => [f.code, f.name]), [['33.16.05', 'Cepu'], ['33.16.09', 'Blora']]);
    assert.deepEqual(parsed.desa.map((f) => f.code), [BLORA_DESA]);
    assert.ok(Math.abs(parsed.kecamatan[0].centroid.lat - CEPU.lat) < 1e-9);
  });

  const bad: { name: string; features: unknown[]; message: RegExp }[] = [
    { name: 'an unknown code', features: [feature('33.16.99', { type: 'Polygon', coordinates: [square(CEPU.lng, CEPU.lat, 0.01)] })], message: /33\.16\.99.*tidak dikenal/ },
    { name: 'another regency', features: [feature('33.17.01', { type: 'Polygon', coordinates: [square(CEPU.lng, CEPU.lat, 0.01)] })], message: /33\.17\.01.*tidak dikenal/ },
    { name: 'a code in the wrong form', features: [feature('3316', { type: 'Polygon', coordinates: [square(CEPU.lng, CEPU.lat, 0.01)] })], message: /kode Kemendagri/ },
    { name: 'a polygon outside the regency', features: [feature('33.16.05', { type: 'Polygon', coordinates: [square(110.4, -7.8, 0.05)] })], message: /di luar batas kabupaten/ },
    { name: 'an invalid polygon', features: [feature('33.16.05', { type: 'Polygon', coordinates: [square(CEPU.lng, CEPU.lat, 0.01).slice(0, 4)] })], message: /tidak tertutup/ },
    { name: 'a code twice', features: [FIXTURE.features[0], FIXTURE.features[0]], message: /lebih dari sekali/ },
  ];
  for (const { name, features, message } of bad) {
    it(`refuses ${name}`, () => {
      assert.throws(() => parseBoundaries({ type: 'FeatureCollection', features }, REGION), (err: Error) => message.test(err.message));
    });
  }
  it('refuses what is not a FeatureCollection', () => {
    assert.throws(() => parseBoundaries({ type: 'Feature' }, REGION), /FeatureCollection/);
  });
});

describe('boundaries: location check at intake (pure)', () => {
  const boundaries = createPlaces(REGION, parseBoundaries(FIXTURE, REGION));
  const bloraDesaName = REGION.kecamatan.find((k) => k.code === '33.16.09')!.desa[1].name;

  it('finds the kecamatan and desa of a point, the kecamatan alone where no desa polygon covers it, and nothing outside', () => {
    assert.deepEqual(placeOfPoint(boundaries, BLORA.lat, BLORA.lng), { kecamatan: { code: '33.16.09', name: 'Blora' }, desa: { code: BLORA_DESA, name: bloraDesaName } });
    assert.deepEqual(placeOfPoint(boundaries, CEPU.lat, CEPU.lng), { kecamatan: { code: '33.16.05', name: 'Cepu' }, desa: null });
    assert.equal(placeOfPoint(boundaries, -7.3, 111.2), null);
  });

  it('flags a point in another kecamatan than chosen, and says nothing when it agrees or is unknown', () => {
    const chosenCepu = { kecamatan: '33.16.05', desa: REGION.kecamatan[4].desa[0].code };
    assert.deepEqual(locationMismatchOf(boundaries, { ...chosenCepu, lat: BLORA.lat, lng: BLORA.lng }), { kecamatan: '33.16.09', desa: BLORA_DESA });
    assert.equal(locationMismatchOf(boundaries, { ...chosenCepu, lat: CEPU.lat, lng: CEPU.lng }), null);
    assert.equal(locationMismatchOf(boundaries, { ...chosenCepu, lat: -7.3, lng: 111.2 }), null);
    assert.equal(locationMismatchOf(boundaries, chosenCepu), null);
    assert.equal(locationMismatchOf(createPlaces(REGION, { kecamatan: null, desa: null }), { ...chosenCepu, lat: BLORA.lat, lng: BLORA.lng }), null);
  });
});

const cli = runCli;

describe('boundaries: CLI import and the running server', function () {
  this.timeout(120_000); // several CLI processes and servers start here; a loaded CI machine is slow at that
  let dataDir: string;
  let app: RunningApp | null = null;
  const file = (name: string, json: unknown): string => {
    const path = join(dataDir, name);
    writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
    return path;
  };

  before(() => { dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-boundaries-')); });
  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a fresh install of Blora draws its shipped boundaries and flags a GPS point in another kecamatan than chosen', async () => {
    const fresh = await startApp();
    try {
      const exec = await addAndLogin(fresh, 'bupati', 'executive');
      const res = await request(fresh.baseUrl).get('/api/map/boundaries').set('Cookie', exec.cookie).expect(200);
      assert.equal(res.body.kecamatan.features.length, 16);
      assert.equal(res.body.desa.features.length, 295);
      const created = await request(fresh.baseUrl).post('/api/reports').send(reportBody({ kecamatan: '33.16.05', lat: BLORA.lat, lng: BLORA.lng })).expect(201);
      assert.equal((await fresh.deps.store.getReport(created.body.publicId))?.locationMismatch?.kecamatan, '33.16.09');
    } finally {
      await fresh.close();
    }
  });

  it('a regency without shipped boundaries runs without a choropleth until it imports its own', async () => {
    const rembang = await startApp({ REGION_CODE: '33.17' });
    try {
      const exec = await addAndLogin(rembang, 'bupati', 'executive');
      const res = await request(rembang.baseUrl).get('/api/map/boundaries').set('Cookie', exec.cookie).expect(200);
      assert.deepEqual(res.body, { kecamatan: null, desa: null });
    } finally {
      await rembang.close();
    }
  });

  it('refuses a bad file naming every problem, and stores nothing', async () => {
    const badFile = file('bad.geojson', { type: 'FeatureCollection', features: [FIXTURE.features[0], feature('33.16.77', FIXTURE.features[0].geometry)] });
    const res = await cli(dataDir, ['boundaries', 'import', badFile]);
    assert.equal(res.code, 65, res.stderr);
    assert.match(res.stderr, /ditolak; tidak ada yang disimpan/);
    assert.match(res.stderr, /Fitur #2 \(33\.16\.77\): kode tidak dikenal/);
    const notJson = await cli(dataDir, ['boundaries', 'import', file('broken.geojson', '{"type": ')]);
    assert.equal(notJson.code, 65);
    assert.match(notJson.stderr, /tidak bisa dibaca sebagai JSON/);
    const missing = await cli(dataDir, ['boundaries', 'import']);
    assert.equal(missing.code, 64);
    const probe = await startApp({}, { dataDir });
    try {
      assert.deepEqual(await probe.deps.store.listAreas('kecamatan'), []);
      assert.deepEqual(await probe.deps.store.listAreas('desa'), []);
    } finally {
      await probe.close();
    }
  });

  it('imports a good file while the server runs; without a restart it draws it and flags a GPS point in another kecamatan', async () => {
    app = await startApp({}, { dataDir });
    const exec = await addAndLogin(app, 'bupati', 'executive');
    const shipped = await request(app.baseUrl).get('/api/map/boundaries?level=kecamatan').set('Cookie', exec.cookie).expect(200);
    assert.equal(shipped.body.kecamatan.features.length, 16);

    const res = await cli(dataDir, ['boundaries', 'import', file('ok.geojson', FIXTURE)]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /2 kecamatan, 1 desa/);
    const [audit] = (await app.deps.store.listAudit({ limit: 1 })).items;
    assert.deepEqual([audit.action, audit.actor.via, audit.after], ['boundaries.import', 'cli', { kecamatan: 2, desa: 1 }]);

    const boundaries = await request(app.baseUrl).get('/api/map/boundaries').set('Cookie', exec.cookie).expect(200);
    assert.deepEqual(boundaries.body.kecamatan.features.map((f: { id: string }) => f.id), ['33.16.05', '33.16.09']);
    assert.equal(boundaries.body.kecamatan.features[1].geometry.type, 'MultiPolygon');
    assert.deepEqual(boundaries.body.desa.features.map((f: { id: string }) => f.id), [BLORA_DESA]);
    const onlyKecamatan = await request(app.baseUrl).get('/api/map/boundaries?level=kecamatan').set('Cookie', exec.cookie).expect(200);
    assert.deepEqual(Object.keys(onlyKecamatan.body), ['kecamatan']);

    // The citizen chose Cepu but stood in Blora: the choice stays, the desk sees the flag.
    const elsewhere = await request(app.baseUrl).post('/api/reports').send(reportBody({ kecamatan: '33.16.05', lat: BLORA.lat, lng: BLORA.lng })).expect(201);
    const flagged = await app.deps.store.getReport(elsewhere.body.publicId);
    assert.equal(flagged?.kecamatan, '33.16.05');
    assert.deepEqual(flagged?.locationMismatch, { kecamatan: '33.16.09', desa: BLORA_DESA });
    const agreeing = await request(app.baseUrl).post('/api/reports').send(reportBody({ kecamatan: '33.16.05', lat: CEPU.lat, lng: CEPU.lng })).expect(201);
    assert.equal((await app.deps.store.getReport(agreeing.body.publicId))?.locationMismatch, undefined);
  });
});
