import assert from 'node:assert/strict';
import request from 'supertest';
import { validReport } from '../helpers/fixtures.ts';
import { login } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// 33.16.05 is the kecamatan of the fixture's road report; 33.16.01 another one.
describe('routing and deadlines as settings (admin API)', () => {
  let app: RunningApp;
  let admin: string;
  const get = (path: string) => request(app.baseUrl).get(path).set('Cookie', admin);
  const put = (path: string, body: object, etag?: string) => {
    const req = request(app.baseUrl).put(path).set('Cookie', admin).set('Origin', app.baseUrl);
    return (etag ? req.set('If-Match', etag) : req).send(body);
  };
  const submit = async (body: Record<string, unknown> = {}) => (await request(app.baseUrl).post('/api/reports').send(validReport(body)).expect(201)).body;

  before(async () => {
    app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0' });
    admin = await login(app, 'admin', 'admin-awal-12345');
  });
  after(() => app.close());

  it('GET /api/admin/routing answers every category\'s agency, no overrides, and an ETag', async () => {
    const res = await get('/api/admin/routing').expect(200);
    assert.equal(res.body.routes.jalan, 'dpupr');
    assert.equal(res.body.routes.pupuk, 'satgas-pupuk');
    assert.deepEqual(res.body.overrides, []);
    assert.match(String(res.headers.etag), /^"[\w-]+"$/);
  });

  it('an override sends the next jalan report in that kecamatan to its agency, others and earlier reports stay', async () => {
    const before = await submit();
    const { headers, body } = await get('/api/admin/routing').expect(200);
    const saved = await put('/api/admin/routing', { ...body, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'dinkominfo' }] }, headers.etag).expect(200);
    assert.notEqual(saved.headers.etag, headers.etag);
    assert.deepEqual(saved.body.overrides, [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'dinkominfo' }]);

    const inCepu = await submit();
    assert.equal(inCepu.agency.id, 'dinkominfo');
    const elsewhere = await submit({ kecamatan: '33.16.01', desa: '33.16.01.2001' });
    assert.equal(elsewhere.agency.id, 'dpupr');
    assert.equal((await app.deps.store.getReport(before.publicId))?.agencyId, 'dpupr');

    await put('/api/admin/routing', { ...body, overrides: [] }, saved.headers.etag).expect(200);
    assert.equal((await submit()).agency.id, 'dpupr');
  });

  it('refuses a stale If-Match with 412 and a missing one with 428, in Indonesian, changing nothing', async () => {
    const { headers, body } = await get('/api/admin/routing').expect(200);
    await put('/api/admin/routing', { ...body, routes: { ...body.routes, lainnya: 'dinkes' } }, headers.etag).expect(200);
    const stale = await put('/api/admin/routing', { ...body, routes: { ...body.routes, lainnya: 'disdik' } }, headers.etag).expect(412);
    assert.equal(stale.body.error.code, 'settings_changed');
    assert.match(stale.body.error.message, /sudah diubah orang lain/);
    const missing = await put('/api/admin/routing', body).expect(428);
    assert.equal(missing.body.error.code, 'if_match_required');
    assert.equal((await get('/api/admin/routing').expect(200)).body.routes.lainnya, 'dinkes');
  });

  const unknowns = [
    { title: 'an unknown category', change: (b: any) => ({ ...b, routes: { ...b.routes, sampah: 'dinkes' } }), code: 'unknown_category', name: 'sampah', field: 'routes.sampah' },
    { title: 'an unknown agency', change: (b: any) => ({ ...b, routes: { ...b.routes, jalan: 'dinas-siluman' } }), code: 'unknown_agency', name: 'dinas-siluman', field: 'routes.jalan' },
    { title: 'an unknown kecamatan in an override', change: (b: any) => ({ ...b, overrides: [{ category: 'jalan', kecamatan: '33.16.99', agencyId: 'dpupr' }] }), code: 'unknown_kecamatan', name: '33.16.99', field: 'overrides.0.kecamatan' },
    { title: 'an unknown category in an override', change: (b: any) => ({ ...b, overrides: [{ category: 'banjir', kecamatan: '33.16.05', agencyId: 'dpupr' }] }), code: 'unknown_category', name: 'banjir', field: 'overrides.0.category' },
    { title: 'an unknown agency in an override', change: (b: any) => ({ ...b, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'upt-mana' }] }), code: 'unknown_agency', name: 'upt-mana', field: 'overrides.0.agencyId' },
    { title: 'a category left without agency', change: (b: any) => { const { jalan: _j, ...routes } = b.routes; return { ...b, routes }; }, code: 'route_missing', name: 'jalan', field: 'routes.jalan' },
    { title: 'a body that is not a table', change: () => ({ routes: 'dpupr' }), code: 'validation_failed', name: '', field: 'routes' },
  ];
  for (const c of unknowns) {
    it(`refuses ${c.title} with 422 naming it (${c.field}), in Indonesian, and stores nothing`, async () => {
      const { headers, body } = await get('/api/admin/routing').expect(200);
      const auditBefore = (await get('/api/admin/audit').expect(200)).body.items.length;
      const res = await put('/api/admin/routing', c.change(body), headers.etag).expect(422);
      assert.equal(res.body.error.code, c.code);
      assert.ok(c.field in res.body.error.fields, JSON.stringify(res.body.error.fields));
      if (c.name) assert.ok(res.body.error.message.includes(c.name), res.body.error.message);
      assert.equal((await get('/api/admin/routing').expect(200)).headers.etag, headers.etag);
      assert.equal((await get('/api/admin/audit').expect(200)).body.items.length, auditBefore);
    });
  }

  it('deadlines per category set the next report\'s verify deadline and the receipt states the days; the default stays 3 and 5', async () => {
    const { headers, body } = await get('/api/admin/deadlines').expect(200);
    assert.deepEqual(body.categories.jalan, { verifyWorkingDays: 3, followUpWorkingDays: 5 });
    assert.equal(body.reopenWorkingDays, 10);
    await put('/api/admin/deadlines', { categories: { jalan: { verifyWorkingDays: 1, followUpWorkingDays: 2 } }, reopenWorkingDays: 4 }, headers.etag).expect(200);
    const report = await submit();
    const stored = await app.deps.store.getReport(report.publicId);
    const days = (Date.parse(stored!.verifyDueAt) - Date.parse(stored!.createdAt)) / 86_400_000;
    assert.ok(days > 0 && days <= 4, `verify due ${days} days later`);
    const receipt = await request(app.baseUrl).get(`/terkirim/${report.code}`).expect(200);
    assert.match(receipt.text, /\(1 hari kerja\)/);
    assert.match(receipt.text, /menindaklanjuti dalam 2 hari kerja/);
    assert.match(receipt.text, /dalam 4 hari kerja/);
    const home = await request(app.baseUrl).get('/').expect(200);
    assert.match(home.text, /dalam 1–3 hari kerja/);
  });

  it('refuses a deadline outside 1–30 working days and an unknown category, storing nothing', async () => {
    const { headers } = await get('/api/admin/deadlines').expect(200);
    const zero = await put('/api/admin/deadlines', { categories: { jalan: { verifyWorkingDays: 0, followUpWorkingDays: 2 } }, reopenWorkingDays: 4 }, headers.etag).expect(422);
    assert.ok('categories.jalan.verifyWorkingDays' in zero.body.error.fields);
    const unknown = await put('/api/admin/deadlines', { categories: { banjir: { verifyWorkingDays: 2, followUpWorkingDays: 2 } }, reopenWorkingDays: 4 }, headers.etag).expect(422);
    assert.equal(unknown.body.error.code, 'unknown_category');
    assert.equal((await get('/api/admin/deadlines').expect(200)).headers.etag, headers.etag);
  });

  it('records every change in the audit trail: who, when, before and after, newest first', async () => {
    const { items } = (await get('/api/admin/audit?limit=200').expect(200)).body;
    const deadlines = items.find((e: any) => e.action === 'deadlines.update');
    assert.equal(deadlines.actor.username, 'admin');
    assert.equal(deadlines.actor.via, 'web');
    assert.deepEqual(deadlines.before.categories.jalan, { verifyWorkingDays: 3, followUpWorkingDays: 5 });
    assert.deepEqual(deadlines.after.categories.jalan, { verifyWorkingDays: 1, followUpWorkingDays: 2 });
    assert.ok(items.filter((e: any) => e.action === 'routing.update').length >= 3);
    assert.ok(items.every((e: any, i: number) => i === 0 || items[i - 1].at >= e.at));
    // There is no way to remove an entry.
    await request(app.baseUrl).delete(`/api/admin/audit/${items[0].id}`).set('Cookie', admin).set('Origin', app.baseUrl).expect(404);
  });

  it('holidays: answers the years without any holiday, so the page can warn', async () => {
    const res = await get('/api/admin/holidays').expect(200);
    assert.ok(Array.isArray(res.body.yearsWithout));
    const year = new Date().getUTCFullYear();
    const only = await put('/api/admin/holidays', { holidays: [{ date: `${year}-12-25`, name: 'Natal', kind: 'libur' }] }, res.headers.etag).expect(200);
    assert.deepEqual(only.body.yearsWithout, [year + 1]);
    await put('/api/admin/holidays', { holidays: res.body.holidays }, only.headers.etag).expect(200);
  });
});
