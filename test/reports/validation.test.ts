import assert from 'node:assert/strict';
import { postForm, postJson, toFormData } from '../helpers/http.ts';
import { pupukReport, reportOf, validReport } from './report-bodies.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

interface Case { title: string; body: Record<string, unknown>; field: string; code: string }

const CASES: Case[] = [
  { title: 'an unknown category', body: validReport({ category: 'banjir' }), field: 'category', code: 'invalid_category' },
  { title: 'no category', body: validReport({ category: undefined }), field: 'category', code: 'required' },
  { title: 'a description under 10 letters', body: validReport({ description: 'rusak' }), field: 'description', code: 'description_too_short' },
  { title: 'a description over 4000 letters', body: validReport({ description: 'a'.repeat(4001) }), field: 'description', code: 'description_too_long' },
  { title: 'a kecamatan outside Blora', body: validReport({ kecamatan: '33.17.01' }), field: 'kecamatan', code: 'invalid_kecamatan' },
  { title: 'an unknown desa', body: validReport({ desa: '33.16.05.9999' }), field: 'desa', code: 'invalid_desa' },
  { title: 'a desa of another kecamatan (Bangkleyan is in Jati, not Cepu)', body: validReport({ desa: '33.16.01.2001' }), field: 'desa', code: 'desa_not_in_kecamatan' },
  { title: 'a latitude without longitude', body: validReport({ lat: -7.15 }), field: 'lng', code: 'coordinates_incomplete' },
  { title: 'a longitude without latitude', body: validReport({ lng: 111.4 }), field: 'lat', code: 'coordinates_incomplete' },
  { title: 'a latitude that is not a number', body: validReport({ lat: 'utara', lng: 111.4 }), field: 'lat', code: 'invalid_coordinates' },
  { title: 'a latitude beyond 90°', body: validReport({ lat: 95, lng: 111.4 }), field: 'lat', code: 'invalid_coordinates' },
  { title: 'a point in Jakarta, outside Blora', body: validReport({ lat: -6.2, lng: 106.8 }), field: 'lat', code: 'outside_region' },
  { title: 'a phone number that is not Indonesian', body: validReport({ phone: '12345' }), field: 'phone', code: 'invalid_phone' },
  { title: 'a phone number with letters', body: validReport({ phone: '0812-ABCD-7890' }), field: 'phone', code: 'invalid_phone' },
  { title: 'a name over 100 letters', body: validReport({ name: 'S'.repeat(101) }), field: 'name', code: 'name_too_long' },
  { title: 'a clientId that is not a UUID', body: validReport({ clientId: 'perangkat-saya-1' }), field: 'clientId', code: 'invalid_client_id' },
  { title: 'anonymous that is not yes or no', body: validReport({ anonymous: 'mungkin' }), field: 'anonymous', code: 'invalid_boolean' },
  { title: 'confidential given as a number', body: validReport({ confidential: 7 }), field: 'confidential', code: 'invalid_boolean' },
  { title: 'an unknown fertiliser type', body: pupukReport({ fertiliserType: 'kompos-ajaib' }), field: 'details.fertiliserType', code: 'invalid_choice' },
  { title: 'no fertiliser type', body: pupukReport({ fertiliserType: undefined }), field: 'details.fertiliserType', code: 'required' },
  { title: 'no pupuk problem ticked', body: pupukReport({ problems: [] }), field: 'details.problems', code: 'required' },
  { title: 'an unknown pupuk problem', body: pupukReport({ problems: ['di_atas_het', 'mahal_sekali'] }), field: 'details.problems', code: 'invalid_choice' },
  { title: 'a purchase date in the future', body: pupukReport({ purchaseDate: '2099-01-01' }), field: 'details.purchaseDate', code: 'invalid_date' },
  { title: 'a purchase date that is not a date', body: pupukReport({ purchaseDate: '21/10/2025' }), field: 'details.purchaseDate', code: 'invalid_date' },
  { title: 'a purchase date that does not exist (30 February)', body: pupukReport({ purchaseDate: '2025-02-30' }), field: 'details.purchaseDate', code: 'invalid_date' },
  { title: 'a negative price', body: pupukReport({ price: -2300 }), field: 'details.price', code: 'invalid_number' },
  { title: 'an unknown road damage type', body: validReport({ details: { damageType: 'hilang', severity: 2 } }), field: 'details.damageType', code: 'invalid_choice' },
  { title: 'road severity 4', body: validReport({ details: { damageType: 'berlubang', severity: 4 } }), field: 'details.severity', code: 'invalid_number' },
  { title: 'an aspirasi without topic', body: reportOf('aspirasi', { details: { session: 'Ngopi Bareng Cepu' } }), field: 'details.topic', code: 'required' },
];

async function storedCount(app: RunningApp): Promise<{ reports: number; lastSeq: number }> {
  const { items } = await app.deps.store.listReports({ limit: 1000 });
  return { reports: items.length, lastSeq: await app.deps.store.lastSeq() };
}

describe('when a citizen sends a report with one bad field', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  for (const c of CASES) {
    it(`refuses ${c.title} with 422 naming ${c.field}, in Indonesian, and stores nothing`, async () => {
      const before = await storedCount(app);

      const res = await postJson(app, '/api/reports', c.body);

      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.message, 'Ada isian yang belum benar. Periksa kolom yang ditandai.');
      assert.deepEqual(Object.keys(res.body.error.fieldCodes), [c.field], 'exactly the one bad field is named');
      assert.equal(res.body.error.fieldCodes[c.field], c.code);
      assert.equal(typeof res.body.error.fields[c.field], 'string');
      assert.notEqual(res.body.error.fields[c.field], c.code, 'the field message is prose, not the code');
      assert.deepEqual(await storedCount(app), before, 'no report and no event written');
    });
  }

  it('names each bad field when several are wrong at once', async () => {
    const res = await postJson(app, '/api/reports', validReport({ description: 'x', phone: 'abc', desa: 'nope' }));

    assert.equal(res.status, 422);
    assert.deepEqual(res.body.error.fieldCodes, { description: 'description_too_short', phone: 'invalid_phone', desa: 'invalid_desa' });
  });

  it('gives the Indonesian message for the field, e.g. the desa that is not in the kecamatan', async () => {
    const res = await postJson(app, '/api/reports', validReport({ desa: '33.16.01.2001' }));

    assert.equal(res.body.error.fields.desa, 'Desa ini tidak berada di kecamatan yang dipilih. Pilih ulang desanya.');
  });
});

describe('when a citizen sends a valid report', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  for (const phone of ['0812-3456-7890', '0812 3456 7890', '+62 812 3456 7890', '6281234567890']) {
    it(`stores the phone "${phone}" as +6281234567890`, async () => {
      const res = await postJson(app, '/api/reports', validReport({ phone }));

      assert.equal(res.status, 201);
      const stored = await app.deps.store.getReport(res.body.publicId);
      assert.equal(stored?.reporterPhone, '+6281234567890');
    });
  }

  it('accepts a point inside Blora and keeps it', async () => {
    const res = await postJson(app, '/api/reports', validReport({ lat: -7.15, lng: 111.42 }));

    assert.equal(res.status, 201);
    const stored = await app.deps.store.getReport(res.body.publicId);
    assert.deepEqual([stored?.lat, stored?.lng], [-7.15, 111.42]);
  });
});

describe('when a citizen posts the form as multipart with bracket field names', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  it('reads details[fertiliserType] and details[problems][] into the pupuk details', async () => {
    const body = pupukReport({ problems: ['stok_kosong', 'dipaketkan'], quantity: 2, unit: 'bag', price: 115000, priceUnit: 'bag', purchaseDate: '2025-11-03' });

    const res = await postForm(app, '/api/reports', toFormData(body));

    assert.equal(res.status, 201, JSON.stringify(res.body));
    const stored = await app.deps.store.getReport(res.body.publicId);
    assert.deepEqual(stored?.details, {
      fertiliserType: 'urea', problems: ['stok_kosong', 'dipaketkan'], kioskName: 'Kios Makmur', purchaseDate: '2025-11-03',
      quantity: 2, unit: 'bag', price: 115000, priceUnit: 'bag', pricePerKg: 2300, hetPerKg: 1800, overHetPerKg: 500, overHetPercent: 27.8,
    });
  });

  it('also reads the details sent as one JSON text field named details', async () => {
    const body = validReport({ details: JSON.stringify({ damageType: 'longsor', severity: 3 }) });

    const res = await postForm(app, '/api/reports', toFormData(body));

    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual((await app.deps.store.getReport(res.body.publicId))?.details, { damageType: 'longsor', severity: 3 });
  });

  it('names a bad detail field of the form the same way as for JSON', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport({ details: { damageType: 'berlubang', severity: '4' } })));

    assert.equal(res.status, 422);
    assert.deepEqual(res.body.error.fieldCodes, { 'details.severity': 'invalid_number' });
  });

  it('refuses a bracket name with a huge array index quickly, instead of building a sparse array, and keeps serving', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ category: 'pupuk', description: 'Pupuk urea kosong di kios desa.', kecamatan: '33.16.05', desa: '33.16.05.2001' })) form.append(k, v);
    form.append('details[fertiliserType]', 'urea');
    form.append('details[problems][999999999]', 'stok_kosong');
    const started = Date.now();

    const res = await postForm(app, '/api/reports', form);

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_form');
    assert.ok(Date.now() - started < 2000, 'answered without walking a billion-slot array');
    assert.equal((await fetch(`${app.baseUrl}/healthz`)).status, 200);
  });
});
