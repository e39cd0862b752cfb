// GET /api/places/at: the kecamatan and desa of a GPS point, for the citizen's form.
import assert from 'node:assert/strict';
import request from 'supertest';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

describe('GET /api/places/at (the point of "Gunakan lokasi saya")', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  it('answers the kecamatan and desa of a point in Cepu, by the shipped boundaries, and is never cached', async () => {
    const res = await request(app.baseUrl).get('/api/places/at?lat=-7.1494&lng=111.5903').expect(200);
    assert.deepEqual(res.body, { place: { kecamatan: { code: '33.16.05', name: 'Cepu' }, desa: { code: '33.16.05.1014', name: 'Cepu' } } });
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('answers no place for a point outside the regency', async () => {
    const res = await request(app.baseUrl).get('/api/places/at?lat=-7.15&lng=111.88').expect(200);
    assert.deepEqual(res.body, { place: null });
  });

  const bad: { query: string; field: string; code: string }[] = [
    { query: 'lat=abc&lng=111.5', field: 'lat', code: 'invalid_coordinates' },
    { query: 'lat=-95&lng=111.5', field: 'lat', code: 'invalid_coordinates' },
    { query: 'lat=-7.1&lng=200', field: 'lng', code: 'invalid_coordinates' },
    { query: 'lat=-7.1', field: 'lng', code: 'coordinates_incomplete' },
    { query: '', field: 'lat', code: 'coordinates_incomplete' },
  ];
  for (const { query, field, code } of bad) {
    it(`refuses "?${query}" with 422 naming ${field}, in Indonesian`, async () => {
      const res = await request(app.baseUrl).get(`/api/places/at?${query}`).expect(422);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.message, 'Ada isian yang belum benar. Periksa kolom yang ditandai.');
      assert.equal(res.body.error.fieldCodes[field], code);
      assert.match(res.body.error.fields[field], /Lintang|Titik lokasi/);
    });
  }
});
