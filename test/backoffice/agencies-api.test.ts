import assert from 'node:assert/strict';
import request from 'supertest';
import { validReport } from '../helpers/fixtures.ts';
import { addAndLogin, login, openDesk, waitFor, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// A UPT of DPUPR in 33.16.05 receives that kecamatan's road reports through an override; DPUPR's
// officers see and act on them too; nobody else does.
describe('agencies and units', () => {
  let app: RunningApp;
  let admin: string;
  let dpupr: Person;
  let upt: Person;
  let dinkes: Person;
  const send = (method: 'post' | 'patch' | 'put', path: string, body: object, etag?: string) => {
    const req = request(app.baseUrl)[method](path).set('Cookie', admin).set('Origin', app.baseUrl);
    return (etag ? req.set('If-Match', etag) : req).send(body);
  };
  const submit = async (body: Record<string, unknown> = {}) => (await request(app.baseUrl).post('/api/reports').send(validReport(body)).expect(201)).body;
  const act = (person: Person, code: string, body: object) => request(app.baseUrl).post(`/api/desk/reports/${code}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body);
  const setOverrides = async (overrides: object[]) => {
    const current = await request(app.baseUrl).get('/api/admin/routing').set('Cookie', admin).expect(200);
    await send('put', '/api/admin/routing', { ...current.body, overrides }, current.headers.etag).expect(200);
  };

  before(async () => {
    app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0' });
    admin = await login(app, 'admin', 'admin-awal-12345');
  });
  after(() => app.close());

  it('adds a unit under DPUPR, listed with its parent', async () => {
    const res = await send('post', '/api/admin/agencies', { id: 'upt-dpupr-cepu', name: 'UPT Jalan dan Jembatan Wilayah Cepu', parentId: 'dpupr' }).expect(201);
    assert.deepEqual(res.body.agency, { id: 'upt-dpupr-cepu', name: 'UPT Jalan dan Jembatan Wilayah Cepu', nameEn: 'UPT Jalan dan Jembatan Wilayah Cepu', parentId: 'dpupr', active: true });
    const list = await request(app.baseUrl).get('/api/admin/agencies').set('Cookie', admin).expect(200);
    assert.ok(list.body.agencies.some((a: { id: string; parentId: string | null }) => a.id === 'upt-dpupr-cepu' && a.parentId === 'dpupr'));
  });

  const refusals = [
    { title: 'an id taken', body: { id: 'dpupr', name: 'Dinas Lagi' }, status: 409, code: 'agency_exists' },
    { title: 'an id that is not a slug', body: { id: 'UPT Cepu!', name: 'UPT' }, status: 422, code: 'validation_failed' },
    { title: 'an unknown parent', body: { id: 'upt-x', name: 'UPT X', parentId: 'dinas-siluman' }, status: 422, code: 'unknown_agency' },
    { title: 'a unit as parent (one level only)', body: { id: 'upt-y', name: 'UPT Y', parentId: 'upt-dpupr-cepu' }, status: 422, code: 'parent_is_unit' },
  ];
  for (const c of refusals) {
    it(`refuses a new agency with ${c.title} (${c.status} ${c.code}) and adds nothing`, async () => {
      const before = (await request(app.baseUrl).get('/api/admin/agencies').set('Cookie', admin).expect(200)).body.agencies.length;
      const res = await send('post', '/api/admin/agencies', c.body).expect(c.status);
      assert.equal(res.body.error.code, c.code);
      assert.equal((await request(app.baseUrl).get('/api/admin/agencies').set('Cookie', admin).expect(200)).body.agencies.length, before);
    });
  }

  it('a report routed to the unit reaches the unit\'s and DPUPR\'s desks live, not Dinkes\'; both may act on it', async () => {
    dpupr = await addAndLogin(app, 'petugas.dpupr', 'officer', { agencyId: 'dpupr' });
    upt = await addAndLogin(app, 'petugas.upt', 'officer', { agencyId: 'upt-dpupr-cepu' });
    dinkes = await addAndLogin(app, 'petugas.dinkes', 'officer', { agencyId: 'dinkes' });
    await setOverrides([{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'upt-dpupr-cepu' }]);
    const desks = [dpupr, upt, dinkes].map((p) => openDesk(app, p.cookie));
    try {
      await Promise.all(desks.map((d) => d.connected));
      const { publicId: code, agency } = await submit();
      assert.equal(agency.id, 'upt-dpupr-cepu');
      await waitFor(() => desks[0].received.some((e) => e.report.publicId === code) && desks[1].received.some((e) => e.report.publicId === code));
      // Dinkes' socket got nothing of it, and cannot read it.
      assert.equal(desks[2].received.some((e) => e.report.publicId === code), false);
      await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', dinkes.cookie).expect(404);

      const list = await request(app.baseUrl).get('/api/desk/reports').set('Cookie', dpupr.cookie).expect(200);
      assert.ok(list.body.items.some((r: { publicId: string }) => r.publicId === code));
      await act(dpupr, code, { type: 'verify' }).expect(200);
      await act(upt, code, { type: 'start', note: 'Tim UPT berangkat.' }).expect(200);
    } finally {
      for (const d of desks) d.socket.disconnect();
    }
  });

  it('the unit does not see its parent\'s own reports', async () => {
    const { publicId: code, agency } = await submit({ kecamatan: '33.16.01', desa: '33.16.01.2001' });
    assert.equal(agency.id, 'dpupr');
    await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', upt.cookie).expect(404);
    await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', dpupr.cookie).expect(200);
  });

  it('renames a unit; refuses to deactivate it while an override, open reports and an account point to it, naming each', async () => {
    await send('patch', '/api/admin/agencies/upt-dpupr-cepu', { name: 'UPT Jalan Cepu' }).expect(200);
    const res = await send('patch', '/api/admin/agencies/upt-dpupr-cepu', { active: false }).expect(409);
    assert.equal(res.body.error.code, 'agency_in_use');
    assert.match(res.body.error.message, /UPT Jalan Cepu tidak bisa dinonaktifkan/);
    assert.match(res.body.error.message, /pengecualian Jalan rusak.* di /i);
    assert.match(res.body.error.message, /1 laporan terbuka/);
    assert.match(res.body.error.message, /1 akun aktif \(petugas\.upt\)/);
    const parent = await send('patch', '/api/admin/agencies/dpupr', { active: false }).expect(409);
    assert.match(parent.body.error.message, /unit aktif UPT Jalan Cepu/);
    assert.equal((await request(app.baseUrl).get('/api/admin/agencies').set('Cookie', admin).expect(200)).body.agencies.find((a: { id: string }) => a.id === 'upt-dpupr-cepu').active, true);
  });

  it('deactivates it once nothing points to it; then it can be neither routed to nor given accounts', async () => {
    await setOverrides([]);
    const open = (await request(app.baseUrl).get('/api/desk/reports').set('Cookie', upt.cookie).expect(200)).body.items;
    for (const r of open) await act(upt, r.publicId, { type: 'resolve', note: 'Sudah ditambal.' }).expect(200);
    await send('post', '/api/admin/users/petugas.upt/disable', {}).expect(204);
    await send('patch', '/api/admin/agencies/upt-dpupr-cepu', { active: false }).expect(200);

    const current = await request(app.baseUrl).get('/api/admin/routing').set('Cookie', admin).expect(200);
    const refused = await send('put', '/api/admin/routing', { ...current.body, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'upt-dpupr-cepu' }] }, current.headers.etag).expect(422);
    assert.equal(refused.body.error.code, 'unknown_agency');
    await send('post', '/api/admin/users', { username: 'baru.upt', name: 'Baru', role: 'officer', agencyId: 'upt-dpupr-cepu', password: 'sandi-baru-12345' }).expect(422);
  });

  it('a desk open before its agency got a unit hears of the unit\'s new reports live, without reconnecting', async () => {
    const desk = openDesk(app, dpupr.cookie);
    try {
      await desk.connected;
      await send('post', '/api/admin/agencies', { id: 'upt-dpupr-jati', name: 'UPT Jalan Jati', parentId: 'dpupr' }).expect(201);
      await setOverrides([{ category: 'jalan', kecamatan: '33.16.01', agencyId: 'upt-dpupr-jati' }]);
      const { publicId, agency } = await submit({ kecamatan: '33.16.01', desa: '33.16.01.2001' });
      assert.equal(agency.id, 'upt-dpupr-jati');
      await waitFor(() => desk.received.some((e) => e.report.publicId === publicId));
    } finally {
      desk.socket.disconnect();
    }
  });
});
