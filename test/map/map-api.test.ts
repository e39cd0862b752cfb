// The map and statistics API against a small seeded set whose every number is worked out by
// hand below, and the role scoping of each endpoint.
import assert from 'node:assert/strict';
import request from 'supertest';
import { pointsOf, type AgencyStats, type KecamatanAnswer, type KecamatanGroup, type MapPinAnswer, type MapPointAnswer, type PupukStats, type TrendAnswer } from '../../shared/map.ts';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { seed } from '../helpers/map.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// Monday 2 March 2026, 10:00 WIB; the verify deadline of a report filed then is the end of
// Thursday 5 March (3 working days). Questions are asked on Monday 16 March, 10:00 WIB.
const T0 = Date.parse('2026-03-02T03:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ASKED_AT = Date.parse('2026-03-16T03:00:00Z');

const POINT = {
  a: { lat: -7.1628, lng: 111.5665 }, // Cepu
  f: { lat: -6.9565, lng: 111.4343 }, // Blora
  g: { lat: -7.0290004, lng: 111.2999 }, // Ngawen; a phone's 7 decimals, which a pin rounds to 5
};

describe('map and statistics API', () => {
  let app: RunningApp;
  let now = T0;
  let executive: Person;
  let admin: Person;
  let dpupr: Person;
  let satgas: Person;
  let dinkes: Person;
  let camatBlora: Person;
  const code: Record<string, string> = {};

  const get = async <T>(person: Person | null, url: string, status = 200): Promise<T> => {
    const req = request(app.baseUrl).get(url);
    if (person) req.set('Cookie', person.cookie);
    return (await req.expect(status)).body as T;
  };
  const act = async (person: Person, reportCode: string, body: object) => {
    await request(app.baseUrl).post(`/api/desk/reports/${reportCode}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body).expect(200);
  };
  const kecamatan = async (person: Person, query = ''): Promise<Map<string, KecamatanGroup>> => {
    const answer = await get<KecamatanAnswer>(person, `/api/map/kecamatan${query}`);
    assert.equal(answer.items.length, 16, 'every kecamatan of the regency, zeros included');
    return new Map(answer.items.map((g) => [g.code, g]));
  };
  const totals = (groups: Map<string, KecamatanGroup>) => Object.fromEntries([...groups.values()].filter((g) => g.total > 0).map((g) => [g.code, g.total]));

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0', SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' }, { clock: () => new Date(now) });
    executive = await addAndLogin(app, 'bupati', 'executive');
    admin = await addAndLogin(app, 'admin.peta', 'admin');
    dpupr = await addAndLogin(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    satgas = await addAndLogin(app, 'petugas.pupuk', 'agency_admin', { agencyId: 'satgas-pupuk' });
    dinkes = await addAndLogin(app, 'petugas.dinkes', 'officer', { agencyId: 'dinkes' });
    camatBlora = await addAndLogin(app, 'camat.blora', 'camat', { kecamatan: '33.16.09' });

    // Week of 2 March.
    code.a = await seed(app, { kecamatan: '33.16.05', ...POINT.a });
    code.b = await seed(app, { kecamatan: '33.16.05' });
    code.c = await seed(app, { kecamatan: '33.16.05', category: 'pupuk', pupuk: { kioskName: 'Kios Makmur', problems: ['di_atas_het'] } }); // 2 sak Rp 250.000 → Rp 2.500/kg, HET 1.800
    now = T0 + HOUR; // a later spelling of the same kiosk
    code.d = await seed(app, { kecamatan: '33.16.09', category: 'pupuk', pupuk: { kioskName: '  kios   MAKMUR ', problems: ['stok_kosong'], price: 90000, priceUnit: 'bag' } }); // Rp 1.800/kg
    code.e = await seed(app, { kecamatan: '33.16.09', category: 'kesehatan' });
    now = T0 + DAY;
    await act(dpupr, code.a, { type: 'verify' }); // 24 h, on time
    await act(dinkes, code.e, { type: 'reject', reason: 'Bukan wewenang dinas; sudah diarahkan ke puskesmas.' }); // answered on time
    now = T0 + 2 * DAY;
    await act(dpupr, code.a, { type: 'resolve', note: 'Lubang sudah ditambal.' }); // 48 h
    // Week of 9 March.
    now = T0 + 7 * DAY;
    await act(satgas, code.c, { type: 'verify' }); // 168 h, after the 5 March deadline
    code.f = await seed(app, { kecamatan: '33.16.09', ...POINT.f });
    code.g = await seed(app, { kecamatan: '33.16.12', category: 'pupuk', ...POINT.g, pupuk: { fertiliserType: 'npk', kioskName: 'Kios Lancar', problems: ['di_atas_het', 'dipaketkan'], quantity: 10, unit: 'kg', price: 3000, priceUnit: 'kg' } });
    now = ASKED_AT;
    // Overdue now: B, D (due 5 March), F, G (due 12 March). C's follow-up runs to 16 March 23:59.
  });
  after(async () => { await app.close(); });

  describe('GET /api/map/kecamatan', () => {
    it('gives the executive every kecamatan with counts by category, status, agency and overdue', async () => {
      const groups = await kecamatan(executive);
      assert.deepEqual(totals(groups), { '33.16.05': 3, '33.16.09': 3, '33.16.12': 1 });
      const cepu = groups.get('33.16.05')!;
      assert.equal(cepu.name, 'Cepu');
      assert.deepEqual(cepu.centroid, { lat: -7.1628, lng: 111.5665 });
      assert.deepEqual(cepu.byCategory, { jalan: 2, pupuk: 1 });
      assert.deepEqual(cepu.byStatus, { resolved: 1, new: 1, verified: 1 });
      assert.deepEqual(cepu.byAgency, { dpupr: 2, 'satgas-pupuk': 1 });
      assert.equal(cepu.overdue, 1);
      const blora = groups.get('33.16.09')!;
      assert.deepEqual(blora.byCategory, { pupuk: 1, kesehatan: 1, jalan: 1 });
      assert.deepEqual(blora.byStatus, { new: 2, rejected: 1 });
      assert.equal(blora.overdue, 2);
      assert.equal(groups.get('33.16.12')!.overdue, 1);
      assert.deepEqual(groups.get('33.16.01'), { code: '33.16.01', name: 'Jati', centroid: { lat: -7.2222, lng: 111.2973 }, total: 0, overdue: 0, byCategory: {}, byStatus: {}, byAgency: {} });
    });

    const filterCases: { query: string; expected: Record<string, number> }[] = [
      { query: '?category=pupuk', expected: { '33.16.05': 1, '33.16.09': 1, '33.16.12': 1 } },
      { query: '?category=pupuk,kesehatan', expected: { '33.16.05': 1, '33.16.09': 2, '33.16.12': 1 } },
      { query: '?status=resolved,rejected', expected: { '33.16.05': 1, '33.16.09': 1 } },
      { query: '?agency=dpupr', expected: { '33.16.05': 2, '33.16.09': 1 } },
      { query: '?overdue=1', expected: { '33.16.05': 1, '33.16.09': 2, '33.16.12': 1 } },
      { query: '?from=2026-03-09&to=2026-03-09', expected: { '33.16.09': 1, '33.16.12': 1 } },
      { query: '?to=2026-03-08', expected: { '33.16.05': 3, '33.16.09': 2 } },
      { query: '?category=jalan&overdue=true', expected: { '33.16.05': 1, '33.16.09': 1 } },
    ];
    for (const { query, expected } of filterCases) {
      it(`filters ${query}`, async () => {
        assert.deepEqual(totals(await kecamatan(executive, query)), expected);
      });
    }

    it('refuses a bad filter with 422 naming it', async () => {
      const body = await get<{ error: { fields: Record<string, string> } }>(executive, '/api/map/kecamatan?category=bensin&from=2026-13-01', 422);
      assert.deepEqual(Object.keys(body.error.fields).sort(), ['category', 'from']);
    });

    it('shows an officer only their agency, even when they filter on another one', async () => {
      assert.deepEqual(totals(await kecamatan(dpupr)), { '33.16.05': 2, '33.16.09': 1 });
      assert.deepEqual(totals(await kecamatan(dpupr, '?agency=satgas-pupuk')), {});
      assert.deepEqual(totals(await kecamatan(satgas)), { '33.16.05': 1, '33.16.09': 1, '33.16.12': 1 });
    });

    it('shows a camat only their kecamatan (the others at zero), and the admin everything', async () => {
      assert.deepEqual(totals(await kecamatan(camatBlora)), { '33.16.09': 3 });
      assert.deepEqual(totals(await kecamatan(admin)), { '33.16.05': 3, '33.16.09': 3, '33.16.12': 1 });
    });
  });

  describe('GET /api/map/reports', () => {
    const codesOf = (answer: MapPinAnswer) => answer.features.map((f) => f.properties.publicId).sort();
    const WHOLE = 'bbox=111.0,-7.4,111.7,-6.8';

    it('gives GeoJSON points of the reports with a GPS point inside the box, and leaves the rest out', async () => {
      const answer = await get<MapPinAnswer>(executive, `/api/map/reports?${WHOLE}`);
      assert.equal(answer.type, 'FeatureCollection');
      assert.deepEqual(codesOf(answer), [code.a, code.f, code.g].sort());
      const a = answer.features.find((f) => f.id === code.a)!;
      assert.deepEqual(a.geometry, { type: 'Point', coordinates: [POINT.a.lng, POINT.a.lat] });
      assert.equal(a.properties.status, 'resolved');
      assert.equal(a.properties.overdue, false);
      assert.equal(answer.features.find((f) => f.id === code.g)!.properties.overdue, true);
      const cepuOnly = await get<MapPinAnswer>(executive, '/api/map/reports?bbox=111.5,-7.2,111.6,-7.1');
      assert.deepEqual(codesOf(cepuOnly), [code.a]);
    });

    it('lists a kecamatan with its unlocated reports as features without geometry', async () => {
      const answer = await get<MapPinAnswer>(executive, '/api/map/reports?kecamatan=33.16.05');
      assert.deepEqual(codesOf(answer), [code.a, code.b, code.c].sort());
      assert.equal(answer.features.find((f) => f.id === code.b)!.geometry, null);
      assert.equal(answer.truncated, false);
      const one = await get<MapPinAnswer>(executive, '/api/map/reports?kecamatan=33.16.05&limit=1');
      assert.equal(one.features.length, 1);
      assert.equal(one.truncated, true);
    });

    it('applies filters and role scope to pins; confidential pupuk pins reach the agency staff that may see them', async () => {
      assert.deepEqual(codesOf(await get<MapPinAnswer>(executive, `/api/map/reports?${WHOLE}&category=pupuk`)), [code.g]);
      assert.deepEqual(codesOf(await get<MapPinAnswer>(dpupr, `/api/map/reports?${WHOLE}`)), [code.a, code.f].sort());
      const satgasPins = await get<MapPinAnswer>(satgas, `/api/map/reports?${WHOLE}`);
      assert.deepEqual(codesOf(satgasPins), [code.g]);
      assert.equal(satgasPins.features[0].properties.confidential, true);
      assert.deepEqual(codesOf(await get<MapPinAnswer>(camatBlora, `/api/map/reports?${WHOLE}`)), [code.f]);
      assert.deepEqual(codesOf(await get<MapPinAnswer>(camatBlora, '/api/map/reports?kecamatan=33.16.05')), []);
    });

    it('refuses a malformed bbox or limit', async () => {
      await get(executive, '/api/map/reports?bbox=1,2,3', 422);
      await get(executive, '/api/map/reports?bbox=112,-7,111,-6', 422);
      await get(executive, '/api/map/reports?limit=0', 422);
      await get(executive, '/api/map/reports?kecamatan=99.99.99', 422);
    });
  });

  describe('GET /api/map/pins', () => {
    const WHOLE = 'bbox=111.0,-7.4,111.7,-6.8';
    const idsOf = (answer: MapPointAnswer) => [...answer.ids].sort();

    it('gives the clustered map lean pins inside the box, as columns: the point, category and status only', async () => {
      const answer = await get<MapPointAnswer>(executive, `/api/map/pins?${WHOLE}`);
      assert.deepEqual(Object.keys(answer).sort(), ['category', 'ids', 'lat', 'lng', 'status', 'truncated']);
      assert.equal(answer.truncated, false);
      assert.deepEqual(idsOf(answer), [code.a, code.f, code.g].sort());
      const full = await get<MapPinAnswer>(executive, `/api/map/reports?${WHOLE}`);
      for (const pin of pointsOf(answer)) {
        const report = full.features.find((f) => f.id === pin.id)!;
        const [lng, lat] = report.geometry!.coordinates.map((x) => Number(x.toFixed(5)));
        assert.deepEqual(pin, { id: report.id, lng, lat, category: report.properties.category, status: report.properties.status });
      }
      const g = pointsOf(answer).find((p) => p.id === code.g)!;
      assert.deepEqual([g.lng, g.lat], [111.2999, -7.029]);
      assert.deepEqual(idsOf(await get<MapPointAnswer>(executive, '/api/map/pins?bbox=111.5,-7.2,111.6,-7.1')), [code.a]);
    });

    it('keeps the newest up to the limit and says so', async () => {
      const one = await get<MapPointAnswer>(executive, `/api/map/pins?${WHOLE}&limit=1`);
      const newest = (await get<MapPinAnswer>(executive, `/api/map/reports?${WHOLE}&limit=1`)).features[0].id;
      assert.deepEqual(one.ids, [newest]);
      assert.equal(one.truncated, true);
    });

    it('applies the filters and the role scope', async () => {
      assert.deepEqual(idsOf(await get<MapPointAnswer>(executive, `/api/map/pins?${WHOLE}&category=pupuk`)), [code.g]);
      assert.deepEqual(idsOf(await get<MapPointAnswer>(dpupr, `/api/map/pins?${WHOLE}`)), [code.a, code.f].sort());
      assert.deepEqual(idsOf(await get<MapPointAnswer>(dpupr, `/api/map/pins?${WHOLE}&agency=satgas-pupuk`)), []);
      assert.deepEqual(idsOf(await get<MapPointAnswer>(satgas, `/api/map/pins?${WHOLE}`)), [code.g]);
      assert.deepEqual(idsOf(await get<MapPointAnswer>(camatBlora, `/api/map/pins?${WHOLE}`)), [code.f]);
      await get(null, `/api/map/pins?${WHOLE}`, 401);
    });

    it('refuses a missing or malformed box and a bad limit, naming the field', async () => {
      const fieldOf = async (query: string) => (await get<{ error: { fieldCodes: Record<string, string> } }>(executive, `/api/map/pins${query}`, 422)).error.fieldCodes;
      assert.deepEqual(await fieldOf(''), { bbox: 'required' });
      assert.deepEqual(await fieldOf('?bbox=1,2,3'), { bbox: 'invalid_coordinates' });
      assert.deepEqual(await fieldOf(`?${WHOLE}&limit=5001`), { limit: 'invalid_number' });
    });
  });

  describe('GET /api/stats/agencies', () => {
    it('gives open, overdue, share answered by the deadline and median hours per agency', async () => {
      // Medians come from hour-bucket histograms, interpolated inside the bucket: one report
      // verified after 24 h sits in [24, 25) and reads 24.5; 48 h in [48, 54) reads 51; 168 h in [168, 192) reads 180.
      const { items } = await get<{ items: AgencyStats[] }>(executive, '/api/stats/agencies');
      assert.equal(items.length, 8);
      const by = new Map(items.map((a) => [a.agencyId, a]));
      assert.deepEqual({ ...by.get('dpupr')!, name: undefined }, {
        agencyId: 'dpupr', name: undefined, total: 3, open: 2, overdue: 2, answered: 1, answeredOnTimeShare: 1, medianHoursToVerify: 24.5, medianHoursToResolve: 51,
      });
      assert.deepEqual({ ...by.get('satgas-pupuk')!, name: undefined }, {
        agencyId: 'satgas-pupuk', name: undefined, total: 3, open: 3, overdue: 2, answered: 1, answeredOnTimeShare: 0, medianHoursToVerify: 180, medianHoursToResolve: null,
      });
      assert.deepEqual({ ...by.get('dinkes')!, name: undefined }, {
        agencyId: 'dinkes', name: undefined, total: 1, open: 0, overdue: 0, answered: 1, answeredOnTimeShare: 1, medianHoursToVerify: null, medianHoursToResolve: null,
      });
      assert.deepEqual({ ...by.get('disdik')!, name: undefined }, {
        agencyId: 'disdik', name: undefined, total: 0, open: 0, overdue: 0, answered: 0, answeredOnTimeShare: null, medianHoursToVerify: null, medianHoursToResolve: null,
      });
    });

    it('gives an officer only their own agency, and a camat every agency within the kecamatan', async () => {
      const own = await get<{ items: AgencyStats[] }>(dpupr, '/api/stats/agencies');
      assert.deepEqual(own.items.map((a) => [a.agencyId, a.total]), [['dpupr', 3]]);
      const camat = await get<{ items: AgencyStats[] }>(camatBlora, '/api/stats/agencies');
      assert.deepEqual(camat.items.filter((a) => a.total > 0).map((a) => [a.agencyId, a.total]), [['satgas-pupuk', 1], ['dpupr', 1], ['dinkes', 1]]);
    });
  });

  describe('GET /api/stats/pupuk', () => {
    it('gives kiosks by reports (names as typed, merged), prices against HET, problems and kecamatan', async () => {
      const stats = await get<PupukStats>(executive, '/api/stats/pupuk');
      assert.deepEqual(stats, {
        total: 3,
        kiosks: [
          { name: 'Kios Makmur', count: 2, kecamatan: ['33.16.05', '33.16.09'] },
          { name: 'Kios Lancar', count: 1, kecamatan: ['33.16.12'] },
        ],
        prices: [
          { fertiliserType: 'npk', reports: 1, avgPricePerKg: 3000, hetPerKg: 1840, avgOverHetPerKg: 1160 },
          { fertiliserType: 'urea', reports: 2, avgPricePerKg: 2150, hetPerKg: 1800, avgOverHetPerKg: 350 },
        ],
        problems: [{ id: 'di_atas_het', count: 2 }, { id: 'dipaketkan', count: 1 }, { id: 'stok_kosong', count: 1 }],
        byKecamatan: [{ code: '33.16.05', name: 'Cepu', count: 1 }, { code: '33.16.09', name: 'Blora', count: 1 }, { code: '33.16.12', name: 'Ngawen', count: 1 }],
      });
    });

    it('is empty for a filter without pupuk and for an agency that does not handle pupuk', async () => {
      assert.equal((await get<PupukStats>(executive, '/api/stats/pupuk?category=jalan')).total, 0);
      assert.equal((await get<PupukStats>(dpupr, '/api/stats/pupuk')).total, 0);
      assert.equal((await get<PupukStats>(executive, '/api/stats/pupuk?from=2026-03-09')).total, 1);
    });
  });

  describe('GET /api/stats/trend', () => {
    it('counts reports per WIB week (Monday first) over the last 12 weeks, with how many are closed', async () => {
      const { weeks } = await get<TrendAnswer>(executive, '/api/stats/trend');
      assert.equal(weeks.length, 12);
      assert.equal(weeks[0].weekStart, '2025-12-29');
      assert.equal(weeks[11].weekStart, '2026-03-16');
      assert.deepEqual(weeks[9], { weekStart: '2026-03-02', total: 5, closed: 2, byCategory: { jalan: 2, pupuk: 2, kesehatan: 1 } });
      assert.deepEqual(weeks[10], { weekStart: '2026-03-09', total: 2, closed: 0, byCategory: { jalan: 1, pupuk: 1 } });
      assert.equal(weeks[11].total, 0);
      assert.equal(weeks.slice(0, 9).reduce((s, w) => s + w.total, 0), 0);
    });

    it('is scoped like the map', async () => {
      const { weeks } = await get<TrendAnswer>(camatBlora, '/api/stats/trend');
      assert.deepEqual(weeks.slice(9, 11).map((w) => w.total), [2, 1]);
    });
  });

  it('answers 401 on every map and stats endpoint without a session', async () => {
    for (const url of ['/api/map/kecamatan', '/api/map/reports', '/api/map/boundaries', '/api/stats/agencies', '/api/stats/pupuk', '/api/stats/trend']) {
      const body = await get<{ error: { code: string } }>(null, url, 401);
      assert.equal(body.error.code, 'unauthenticated', url);
    }
  });

  it('serves the /peta shell with the filters of its URL already chosen', async () => {
    const res = await request(app.baseUrl).get('/peta?category=pupuk&overdue=1&from=2026-03-01').expect(200);
    assert.match(res.text, /<option value="pupuk" selected>/);
    assert.match(res.text, /id="f-overdue" checked/);
    assert.match(res.text, /name="from" id="f-from" value="2026-03-01"/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  });
});
