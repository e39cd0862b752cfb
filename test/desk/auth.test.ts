import assert from 'node:assert/strict';
import request from 'supertest';
import { addAndLogin, addUser, login, PASSWORD } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { disableUser } from '../../server/auth/users.ts';

describe('desk accounts and sessions', () => {
  describe('with a fresh store', () => {
    let app: RunningApp;
    before(async () => { app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345' }); });
    after(() => app.close());

    it('creates the admin account on first start with ADMIN_PASSWORD', async () => {
      const cookie = await login(app, 'admin', 'admin-awal-12345');
      const me = await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(200);
      assert.equal(me.body.user.role, 'admin');
      assert.equal(me.body.user.username, 'admin');
      assert.equal(me.body.user.passwordHash, undefined);
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      await addUser(app, 'budi', 'officer', { agencyId: 'dpupr' });
      const wrong = await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'budi', password: 'salah-salah-salah' }).expect(401);
      const unknown = await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'siapa', password: 'salah-salah-salah' }).expect(401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.equal(wrong.body.error.code, 'invalid_credentials');
    });

    it('sets an httpOnly, SameSite=Lax session cookie and returns the user', async () => {
      const res = await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'budi', password: PASSWORD }).expect(200);
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Secure/);
      assert.deepEqual(Object.keys(res.body.user).sort(), ['agencyId', 'agencyIds', 'id', 'kecamatan', 'mustChangePassword', 'name', 'role', 'username']);
    });

    it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
      const proxied = await startApp({ TRUST_PROXY: '1' });
      try {
        await addUser(proxied, 'sari', 'officer', { agencyId: 'dpupr' });
        const res = await request(proxied.baseUrl).post('/api/auth/login').set('Origin', 'https://lapor.blorakab.go.id')
          .set('Host', 'lapor.blorakab.go.id').set('X-Forwarded-Proto', 'https').send({ username: 'sari', password: PASSWORD }).expect(200);
        assert.match((res.headers['set-cookie'] as unknown as string[])[0], /Secure/);
      } finally {
        await proxied.close();
      }
    });

    it('refuses a login or logout from another origin, or naming no origin (CSRF)', async () => {
      const cookie = await login(app, 'budi');
      const evil = await request(app.baseUrl).post('/api/auth/logout').set('Cookie', cookie).set('Origin', 'https://jahat.example').expect(403);
      assert.equal(evil.body.error.code, 'csrf_rejected');
      await request(app.baseUrl).post('/api/auth/logout').set('Cookie', cookie).expect(403);
      await request(app.baseUrl).post('/api/auth/login').set('Referer', 'https://jahat.example/form').send({ username: 'budi', password: PASSWORD }).expect(403);
      // The session survived the forged requests.
      await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(200);
      // A same-origin Referer is enough when Origin is missing.
      await request(app.baseUrl).post('/api/auth/logout').set('Cookie', cookie).set('Referer', `${app.baseUrl}/desk`).expect(204);
    });

    it('ends the session on logout', async () => {
      const cookie = await login(app, 'budi');
      await request(app.baseUrl).post('/api/auth/logout').set('Cookie', cookie).set('Origin', app.baseUrl).expect(204);
      const me = await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(401);
      assert.equal(me.body.error.code, 'unauthenticated');
    });

    it('ends every session of a disabled user and refuses their login', async () => {
      const { cookie } = await addAndLogin(app, 'tono', 'officer', { agencyId: 'dpupr' });
      await disableUser(app.deps, 'tono');
      await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookie).expect(401);
      await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'tono', password: PASSWORD }).expect(401);
    });
  });

  it('rate-limits login attempts per username with 429', async () => {
    const app = await startApp({ RATE_LIMIT_LOGIN: '3/15m' });
    try {
      await addUser(app, 'budi', 'officer', { agencyId: 'dpupr' });
      for (let i = 0; i < 3; i += 1) {
        await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'budi', password: 'salah-salah-salah' }).expect(401);
      }
      const res = await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'budi', password: PASSWORD }).expect(429);
      assert.equal(res.body.error.code, 'rate_limited');
      assert.ok(Number(res.headers['retry-after']) > 0);
    } finally {
      await app.close();
    }
  });

  it('counts only failed logins: ten correct logins in a row lock nobody out, ten wrong ones lock the username', async function () {
    this.timeout(120_000); // 24 real scrypt checks (N=2^15): seconds each when CI's cores are busy
    const app = await startApp({ RATE_LIMIT_LOGIN: '10/15m' });
    const attempt = (username: string, password: string) => request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username, password });
    try {
      await addUser(app, 'sari', 'officer', { agencyId: 'dpupr' });
      await addUser(app, 'budi', 'officer', { agencyId: 'dpupr' });
      for (let i = 0; i < 12; i += 1) assert.equal((await attempt('sari', PASSWORD)).status, 200, `correct login ${i + 1}`);

      for (let i = 0; i < 10; i += 1) assert.equal((await attempt('budi', 'salah-salah-salah')).status, 401);
      const locked = await attempt('budi', PASSWORD);
      assert.equal(locked.status, 429, 'the eleventh attempt after ten failures is refused, even with the right password');
      assert.equal(locked.body.error.code, 'rate_limited');
      assert.ok(Number(locked.headers['retry-after']) > 0);
      // The address made ten failures too: the limit per address now refuses any username from it.
      assert.equal((await attempt('sari', PASSWORD)).status, 429);
    } finally {
      await app.close();
    }
  });

  it('counts failures per address across usernames, so guessing many accounts from one machine is stopped', async () => {
    const app = await startApp({ RATE_LIMIT_LOGIN: '3/15m' });
    const attempt = (username: string) => request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username, password: 'salah-salah-salah' });
    try {
      for (const name of ['a1', 'a2', 'a3']) assert.equal((await attempt(name)).status, 401);
      assert.equal((await attempt('a4')).status, 429, 'a fourth username from the same address');
    } finally {
      await app.close();
    }
  });

  it('expires a session after the idle limit and after the absolute limit', async () => {
    let now = Date.parse('2026-03-02T01:00:00Z');
    const app = await startApp({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' }, { clock: () => new Date(now) });
    try {
      await addUser(app, 'budi', 'officer', { agencyId: 'dpupr' });
      const idle = await login(app, 'budi');
      now += 31 * 60_000;
      await request(app.baseUrl).get('/api/auth/me').set('Cookie', idle).expect(401);

      const busy = await login(app, 'budi');
      for (let i = 0; i < 4; i += 1) {
        now += 25 * 60_000; // always active, never idle for 30 minutes
        await request(app.baseUrl).get('/api/auth/me').set('Cookie', busy).expect(200);
      }
      now += 25 * 60_000; // 125 minutes after login: past the 2-hour absolute limit
      await request(app.baseUrl).get('/api/auth/me').set('Cookie', busy).expect(401);
    } finally {
      await app.close();
    }
  });

  it('prints a random admin password once when ADMIN_PASSWORD is not set', async () => {
    const app = await startApp();
    try {
      assert.equal(await app.deps.store.countUsers(), 1);
      const admin = await app.deps.store.getUserByUsername('admin');
      assert.equal(admin?.role, 'admin');
      assert.match(admin?.passwordHash ?? '', /^scrypt\$/);
    } finally {
      await app.close();
    }
  });
});
