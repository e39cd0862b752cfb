import assert from 'node:assert/strict';
import request from 'supertest';
import { validReport } from '../helpers/fixtures.ts';
import { addAndLogin, login, openDesk } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

describe('accounts with one-time passwords', () => {
  let app: RunningApp;
  let admin: string;
  const post = (cookie: string, path: string, body: object = {}) => request(app.baseUrl).post(path).set('Cookie', cookie).set('Origin', app.baseUrl).send(body);
  const get = (cookie: string, path: string) => request(app.baseUrl).get(path).set('Cookie', cookie);

  before(async () => {
    app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0' });
    admin = await login(app, 'admin', 'admin-awal-12345');
  });
  after(() => app.close());

  it('a new account gets a one-time password: its session may only ask who it is, change the password or log out', async () => {
    const created = await post(admin, '/api/admin/users', { username: 'siti.dpupr', name: 'Siti', role: 'officer', agencyId: 'dpupr' }).expect(201);
    const oneTime = created.body.password as string;
    assert.ok(oneTime.length >= 10);
    assert.equal(created.body.user.mustChangePassword, true);

    const cookie = await login(app, 'siti.dpupr', oneTime);
    assert.equal((await get(cookie, '/api/auth/me').expect(200)).body.user.mustChangePassword, true);
    for (const path of ['/api/desk/reports', '/api/desk/meta', '/api/map/kecamatan', '/api/stats/agencies']) {
      const res = await get(cookie, path);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.error.code, 'password_change_required');
      assert.match(res.body.error.message, /kata sandi sekali pakai/);
    }
    const code = (await request(app.baseUrl).post('/api/reports').send(validReport()).expect(201)).body.code;
    await post(cookie, `/api/desk/reports/${code}/actions`, { type: 'verify' }).expect(403);
    const desk = openDesk(app, cookie);
    await assert.rejects(desk.connected, (err: Error & { data?: { code?: string } }) => err.data?.code === 'password_change_required');
    desk.socket.disconnect();
  });

  it('refuses a wrong current password, a short one and the same one, in Indonesian; then the new one opens everything', async () => {
    const oneTime = (await post(admin, '/api/admin/users/siti.dpupr/reset-password').expect(200)).body.password as string;
    const cookie = await login(app, 'siti.dpupr', oneTime);
    const wrong = await post(cookie, '/api/auth/password', { currentPassword: 'bukan-ini-123', newPassword: 'sandi-baru-siti-1' }).expect(422);
    assert.equal(wrong.body.error.fields.currentPassword, 'Kata sandi saat ini salah.');
    const short = await post(cookie, '/api/auth/password', { currentPassword: oneTime, newPassword: 'pendek' }).expect(422);
    assert.ok('newPassword' in short.body.error.fields);
    await post(cookie, '/api/auth/password', { currentPassword: oneTime, newPassword: oneTime }).expect(422);

    const changed = await post(cookie, '/api/auth/password', { currentPassword: oneTime, newPassword: 'sandi-baru-siti-1' }).expect(200);
    assert.equal(changed.body.user.mustChangePassword, false);
    await get(cookie, '/api/desk/reports').expect(200);
    const desk = openDesk(app, cookie);
    await desk.connected;
    desk.socket.disconnect();
    await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'siti.dpupr', password: oneTime }).expect(401);
  });

  it('a reset ends the account\'s sessions and makes the next login one-time again', async () => {
    const before = await login(app, 'siti.dpupr', 'sandi-baru-siti-1');
    const { password } = (await post(admin, '/api/admin/users/siti.dpupr/reset-password').expect(200)).body;
    await get(before, '/api/auth/me').expect(401);
    const after = await login(app, 'siti.dpupr', password);
    await get(after, '/api/desk/reports').expect(403);
  });

  it('every user changes their own password; their other sessions end, this one stays', async () => {
    const officer = await addAndLogin(app, 'budi.dinkes', 'officer', { agencyId: 'dinkes' });
    const elsewhere = await login(app, 'budi.dinkes');
    await post(officer.cookie, '/api/auth/password', { currentPassword: 'rahasia-sekali-123', newPassword: 'rahasia-baru-456' }).expect(200);
    await get(officer.cookie, '/api/desk/reports').expect(200);
    await get(elsewhere, '/api/auth/me').expect(401);
    await login(app, 'budi.dinkes', 'rahasia-baru-456');
  });

  it('lists accounts with filters: role, agency, status and text', async () => {
    await post(admin, '/api/admin/users/budi.dinkes/disable').expect(204);
    const names = async (query: string) => (await get(admin, `/api/admin/users?${query}`).expect(200)).body.items.map((u: { username: string }) => u.username);
    assert.deepEqual(await names('role=officer'), ['budi.dinkes', 'siti.dpupr']);
    assert.deepEqual(await names('agencyId=dpupr'), ['siti.dpupr']);
    assert.deepEqual(await names('status=disabled'), ['budi.dinkes']);
    assert.deepEqual(await names('q=SITI'), ['siti.dpupr']);
    const bad = await get(admin, '/api/admin/users?role=raja').expect(422);
    assert.ok('role' in bad.body.error.fields);
    await post(admin, '/api/admin/users/admin/disable').expect(409);
  });

  it('records each account change in the audit trail without any password or hash', async () => {
    const { items } = (await get(admin, '/api/admin/audit?limit=100').expect(200)).body;
    const actions = items.map((e: { action: string; target: string }) => `${e.action} ${e.target}`);
    for (const expected of ['user.create user:siti.dpupr', 'user.reset_password user:siti.dpupr', 'user.change_password user:siti.dpupr', 'user.disable user:budi.dinkes']) {
      assert.ok(actions.includes(expected), expected);
    }
    const text = JSON.stringify(items);
    assert.doesNotMatch(text, /scrypt|passwordHash|sandi-baru-siti/);
    const disable = items.find((e: { action: string }) => e.action === 'user.disable');
    assert.deepEqual([disable.before.disabled, disable.after.disabled], [false, true]);
  });

  it('the first admin, when its password is generated and printed, must change it at first login', async () => {
    const fresh = await startApp({ OVERDUE_SWEEP_SECONDS: '0' });
    try {
      assert.equal((await fresh.deps.store.getUserByUsername('admin'))?.mustChangePassword, true);
    } finally {
      await fresh.close();
    }
  });
});
