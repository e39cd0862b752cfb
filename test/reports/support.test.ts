import assert from 'node:assert/strict';
import request from 'supertest';
import type { Report } from '../../shared/types.ts';
import { submitReport } from '../../server/reports/service.ts';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { wibDate } from '../../shared/working-days.ts';
import { validReport } from '../helpers/fixtures.ts';
import { addAndLogin, openDesk, waitFor, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const NOW = Date.parse('2026-11-03T03:00:00Z');
const DAY = 86_400_000;

describe('dukung (me too) and similar reports', () => {
  let app: RunningApp;
  let now = NOW;
  let officer: Person;

  /** The public id (what anyone may name) and the tracking code (the reporter's alone). */
  const submitTracked = async (overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string }> => {
    const res = await request(app.baseUrl).post('/api/reports').send(validReport(overrides)).expect(201);
    return { id: res.body.publicId, code: res.body.code };
  };
  const submit = async (overrides: Record<string, unknown> = {}): Promise<string> => (await submitTracked(overrides)).id;
  const support = (publicId: string, cookie?: string) => {
    const req = request(app.baseUrl).post(`/api/reports/${publicId}/support`).set('Origin', app.baseUrl);
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const deviceCookie = (res: { headers: Record<string, unknown> }) => (res.headers['set-cookie'] as string[])[0].split(';')[0];
  const nearby = async (query: string) => (await request(app.baseUrl).get(`/api/reports/nearby?${query}`).expect(200)).body.items.map((i: { publicId: string }) => i.publicId);

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0', DUPLICATE_RADIUS_M: '500' }, { clock: () => new Date(now) });
    officer = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
  });
  beforeEach(() => { now = NOW; });
  after(() => app.close());

  it('counts a support once per device, shows it publicly, and the desk sees the count move live', async () => {
    const { id, code } = await submitTracked();
    const desk = openDesk(app, officer.cookie);
    await desk.connected;
    try {
      const first = await support(id).expect(200);
      assert.deepEqual(first.body, { publicId: id, supportCount: 1, counted: true });
      const phone = deviceCookie(first);
      assert.match(String((first.headers['set-cookie'] as unknown as string[])[0]), /HttpOnly/i);
      const again = await support(id, phone).expect(200);
      assert.deepEqual(again.body, { publicId: id, supportCount: 1, counted: false });
      await support(id).expect(200); // another phone
      const forged = await support(id, 'sw_device=00000000-0000-4000-8000-000000000000.tampered').expect(200);
      assert.equal(forged.body.supportCount, 3, 'a forged cookie is just a new device');

      assert.equal((await request(app.baseUrl).get(`/api/reports/${code}`).expect(200)).body.supportCount, 3);
      await waitFor(() => desk.received.some((e) => e.type === 'report.supported' && e.report.supportCount === 3));
      const row = (await request(app.baseUrl).get('/api/desk/reports').set('Cookie', officer.cookie).expect(200)).body.items.find((i: { publicId: string }) => i.publicId === id);
      assert.equal(row.supportCount, 3);
    } finally {
      desk.socket.close();
    }
  });

  it('refuses support for a confidential report, and from another origin', async () => {
    const code = await submit({ confidential: true });
    assert.equal((await support(code).expect(409)).body.error.code, 'support_not_allowed');
    const open = await submit();
    await request(app.baseUrl).post(`/api/reports/${open}/support`).set('Origin', 'https://evil.example').expect(403);
    await support('ZZZZZZZZ').expect(404);
    await support('ZZZZ-ZZZZ-ZZZZ').expect(404);
  });

  it('suggests open public reports of the same category in the same desa or within the radius, from the last 30 days only', async () => {
    // Near Blora town: 0.0027° of latitude is about 300 m; 0.009° about 1 km.
    const here = { kecamatan: '33.16.05', desa: '33.16.05.2001', lat: -7.15, lng: 111.42 };
    const otherDesa = '33.16.05.2002';
    now = NOW - 40 * DAY;
    const old = await submit({ ...here });
    now = NOW;
    const sameDesa = await submit({ ...here, lat: undefined, lng: undefined });
    const near = await submit({ ...here, desa: otherDesa, lat: -7.1527, lng: 111.42 });
    const far = await submit({ ...here, desa: otherDesa, lat: -7.159, lng: 111.42 });
    const secret = await submit({ ...here, confidential: true });
    const otherCategory = await submit({ ...here, category: 'kesehatan', details: {} });
    const closed = await submit({ ...here });
    await request(app.baseUrl).post(`/api/desk/reports/${closed}/actions`).set('Cookie', officer.cookie).set('Origin', app.baseUrl).send({ type: 'reject', reason: 'Bukan wewenang.' }).expect(200);

    const byDesaAndPoint = await nearby(`category=jalan&desa=${here.desa}&lat=${here.lat}&lng=${here.lng}`);
    assert.ok(byDesaAndPoint.includes(sameDesa));
    assert.ok(byDesaAndPoint.includes(near), 'within 500 m');
    for (const code of [old, far, secret, otherCategory, closed]) assert.ok(!byDesaAndPoint.includes(code), `${code} must not be suggested`);
    const byPointOnly = await nearby(`category=jalan&lat=${here.lat}&lng=${here.lng}`);
    assert.ok(byPointOnly.includes(near) && !byPointOnly.includes(sameDesa), 'without a point, a report is matched by desa only');
    await request(app.baseUrl).get('/api/reports/nearby?category=cuaca').expect(422);
  });

  it('finds the open report of the desa even behind hundreds of newer ones elsewhere in the regency', async function () {
    this.timeout(120_000);
    const mine = await submit({ kecamatan: '33.16.06', desa: '33.16.06.2003', lat: undefined, lng: undefined });
    // Newer open jalan reports in another kecamatan, more than one read of candidates used to hold.
    const elsewhere = parseReportInput(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001', lat: -7.15, lng: 111.42, clientId: undefined }), app.deps.catalog.region, wibDate(new Date(now)));
    if (!elsewhere.ok) throw new Error('the fixture is a valid report');
    for (let batch = 0; batch < 11; batch++) {
      now += 60_000;
      await Promise.all(Array.from({ length: 50 }, () => submitReport(app.deps, elsewhere.value, [])));
    }
    assert.ok((await app.deps.store.listReports({ categories: ['jalan'], createdFrom: new Date(NOW + 1).toISOString(), limit: 1000 })).items.length >= 550);
    assert.deepEqual(await nearby('category=jalan&desa=33.16.06.2003'), [mine]);
  });

  it('marking a duplicate moves its supports and its citizen to the original, and the duplicate points there', async () => {
    const original = await submitTracked();
    const duplicate = await submitTracked();
    await support(original.id).expect(200);
    await support(duplicate.id).expect(200);
    await support(duplicate.id).expect(200);

    await request(app.baseUrl).post(`/api/desk/reports/${duplicate.id}/actions`).set('Cookie', officer.cookie).set('Origin', app.baseUrl).send({ type: 'duplicate', of: original.id }).expect(200);

    const merged = (await app.deps.store.getReport(original.id)) as Report;
    assert.equal(merged.supportCount, 1 + 2 + 1, 'its own one, the duplicate two, and the duplicate reporter');
    const originalView = (await request(app.baseUrl).get(`/api/reports/${original.code}`).expect(200)).body;
    assert.ok(originalView.timeline.some((e: { type: string; message?: string }) => e.type === 'report.supported' && e.message === duplicate.id));
    const duplicateView = (await request(app.baseUrl).get(`/api/reports/${duplicate.code}`).expect(200)).body;
    assert.equal(duplicateView.duplicateOf, original.id, 'the original by its public id, never its tracking code');
    assert.ok(!JSON.stringify(duplicateView).includes(original.code));
    const page = await request(app.baseUrl).get(`/lacak/${duplicate.code}`).expect(200);
    assert.ok(page.text.includes(`href="/laporan/${original.id}"`), 'the tracking page links the original\'s public page');
    assert.ok(!page.text.includes(original.code));
    assert.equal((await support(duplicate.id).expect(409)).body.error.code, 'support_not_allowed');
  });
});
