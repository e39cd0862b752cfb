import assert from 'node:assert/strict';
import request from 'supertest';
import { validReport } from '../helpers/fixtures.ts';
import { login, openDesk, waitFor } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

describe('admin back office', () => {
  let app: RunningApp;
  let admin: string;
  let now = Date.parse('2026-03-02T03:00:00Z');
  const as = (cookie: string) => ({
    get: (path: string) => request(app.baseUrl).get(path).set('Cookie', cookie),
    post: (path: string, body: object = {}) => request(app.baseUrl).post(path).set('Cookie', cookie).set('Origin', app.baseUrl).send(body),
  });

  before(async () => {
    app = await startApp(
      { ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '1', SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' },
      { clock: () => new Date(now) },
    );
    admin = await login(app, 'admin', 'admin-awal-12345');
  });
  after(() => app.close());

  it('creates, lists, disables and re-enables accounts over HTTP', async () => {
    const bad = await as(admin).post('/api/admin/users', { username: 'Ab', name: '', role: 'raja', password: 'x' }).expect(422);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['name', 'password', 'role', 'username']);
    const created = await as(admin).post('/api/admin/users', { username: 'kabid.dpupr', name: 'Kabid Jalan', role: 'agency_admin', agencyId: 'dpupr', password: 'sandi-kabid-123' }).expect(201);
    assert.equal(created.body.user.agencyId, 'dpupr');
    await as(admin).post('/api/admin/users', { username: 'kabid.dpupr', name: 'Lagi', role: 'officer', agencyId: 'dpupr', password: 'sandi-kabid-123' }).expect(409);
    const users = (await as(admin).get('/api/admin/users').expect(200)).body.items;
    assert.deepEqual(users.map((u: { username: string }) => u.username), ['admin', 'kabid.dpupr']);
    assert.ok(!JSON.stringify(users).includes('scrypt'));

    const kabid = await login(app, 'kabid.dpupr', 'sandi-kabid-123');
    await as(admin).post('/api/admin/users/kabid.dpupr/disable').expect(204);
    await as(kabid).get('/api/auth/me').expect(401);
    await as(admin).post('/api/admin/users/kabid.dpupr/enable').expect(204);
    await login(app, 'kabid.dpupr', 'sandi-kabid-123');
    await as(admin).post('/api/admin/users/tidak-ada/disable').expect(404);
  });

  it('the sweeper announces an overdue report to the executive room on its own', async () => {
    const code = (await request(app.baseUrl).post('/api/reports').send(validReport()).expect(201)).body.publicId;
    const desk = openDesk(app, admin);
    await desk.connected;
    try {
      now += 4 * 86_400_000; // Friday; due at the end of Thursday
      await waitFor(() => desk.received.some((e) => e.type === 'report.overdue' && e.report.publicId === code));
      assert.equal((await app.deps.store.getReport(code))?.overdueNotified, true);
    } finally {
      desk.socket.disconnect();
    }
  });
});
