import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getJson, postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukReport, validReport } from './report-bodies.ts';

describe('when someone looks up a report by its tracking code', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  const clientId = randomUUID();
  const identity = { name: 'Sutrisno Wibowo', phone: '0812-3456-7890', lat: -7.1523, lng: 111.4275, clientId };

  it('shows the public report without the reporter\'s name, phone, point or device id', async () => {
    const created = await postJson(app, '/api/reports', validReport({ ...identity, confidential: false }));

    const res = await getJson(app, `/api/reports/${created.body.code}`);

    assert.equal(res.status, 200);
    assert.equal(res.body.publicId, created.body.publicId);
    assert.equal(res.body.description, validReport().description);
    assert.equal(res.body.desa.name, 'Gadon');
    const text = JSON.stringify(res.body);
    for (const secret of ['Sutrisno', '3456', '+62', '7.1523', '111.4275', clientId]) assert.ok(!text.includes(secret), `leaks ${secret}`);
    for (const key of ['reporterName', 'reporterPhone', 'name', 'phone', 'lat', 'lng', 'clientId']) assert.ok(!(key in res.body), `has ${key}`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('shows only the status of a confidential report', async () => {
    const created = await postJson(app, '/api/reports', pupukReport({}, { ...identity, clientId: randomUUID() }));

    const res = await getJson(app, `/api/reports/${created.body.code}`);

    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['canGiveFeedback', 'canReopenUntil', 'confidential', 'publicId', 'status', 'statusLabel', 'timeline', 'updatedAt']);
    assert.deepEqual([res.body.status, res.body.statusLabel, res.body.confidential, res.body.timeline], ['new', 'Baru', true, []]);
  });

  it('accepts the code in lower case and without dashes', async () => {
    const created = await postJson(app, '/api/reports', validReport());
    const typed = created.body.code.toLowerCase().replaceAll('-', '');

    const res = await getJson(app, `/api/reports/${typed}`);

    assert.equal(res.status, 200);
    assert.equal(res.body.publicId, created.body.publicId);
  });

  for (const [what, code] of [['a well-formed code nobody was given', '2345-6789-ABCD'], ['something that cannot be a code', 'O0O0-IIII-1111']]) {
    it(`answers ${what} with 404 and an Indonesian message`, async () => {
      const res = await getJson(app, `/api/reports/${code}`);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'report_not_found');
      assert.equal(res.body.error.message, 'Laporan dengan kode itu tidak ditemukan. Periksa kembali kodenya.');
    });
  }
});
