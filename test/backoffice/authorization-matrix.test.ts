import assert from 'node:assert/strict';
import request from 'supertest';
import { addAndLogin, addUser, login, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// Every back-office action × every role. The target account is an officer of DPUPR; "same" is
// DPUPR's agency admin, "other" Dinkes'. A row's status is what that person gets back.
type Who = 'admin' | 'agencyAdminSame' | 'agencyAdminOther' | 'officer' | 'camat' | 'executive';
const WHO: Who[] = ['admin', 'agencyAdminSame', 'agencyAdminOther', 'officer', 'camat', 'executive'];
const adminOnly = (ok: number): Record<Who, number> => ({ admin: ok, agencyAdminSame: 403, agencyAdminOther: 403, officer: 403, camat: 403, executive: 403 });

interface Case {
  name: string;
  call: (t: Ctx, p: Person) => request.Test;
  expected: Record<Who, number>;
  /** Put things back after a successful call, as the admin. */
  undo?: (t: Ctx) => Promise<unknown>;
}
interface Ctx { app: RunningApp; admin: string; n: number }

const send = (t: Ctx, p: Person, method: 'post' | 'put' | 'patch', path: string, body: object = {}, headers: Record<string, string> = {}) =>
  request(t.app.baseUrl)[method](path).set('Cookie', p.cookie).set('Origin', t.app.baseUrl).set(headers).send(body);
const asAdmin = (t: Ctx, path: string) => request(t.app.baseUrl).post(path).set('Cookie', t.admin).set('Origin', t.app.baseUrl).send({});
const etag = async (t: Ctx, path: string) => String((await request(t.app.baseUrl).get(path).set('Cookie', t.admin).expect(200)).headers.etag);
const body = async (t: Ctx, path: string) => (await request(t.app.baseUrl).get(path).set('Cookie', t.admin).expect(200)).body;

const CASES: Case[] = [
  { name: 'GET /api/admin/users', call: (t, p) => request(t.app.baseUrl).get('/api/admin/users').set('Cookie', p.cookie),
    expected: { admin: 200, agencyAdminSame: 200, agencyAdminOther: 200, officer: 403, camat: 403, executive: 403 } },
  { name: 'POST /api/admin/users (a DPUPR officer)', call: (t, p) => send(t, p, 'post', '/api/admin/users', { username: `baru${++t.n}`, name: 'Petugas Baru', role: 'officer', agencyId: 'dpupr' }),
    expected: { admin: 201, agencyAdminSame: 201, agencyAdminOther: 403, officer: 403, camat: 403, executive: 403 } },
  { name: 'POST /api/admin/users (an agency admin)', call: (t, p) => send(t, p, 'post', '/api/admin/users', { username: `kabid${++t.n}`, name: 'Kabid', role: 'agency_admin', agencyId: 'dpupr' }),
    expected: { admin: 201, agencyAdminSame: 403, agencyAdminOther: 403, officer: 403, camat: 403, executive: 403 } },
  { name: 'disable the DPUPR officer', call: (t, p) => send(t, p, 'post', '/api/admin/users/target.dpupr/disable'),
    expected: { admin: 204, agencyAdminSame: 204, agencyAdminOther: 404, officer: 403, camat: 403, executive: 403 },
    undo: (t) => asAdmin(t, '/api/admin/users/target.dpupr/enable').expect(204) },
  { name: 'enable the DPUPR officer', call: (t, p) => send(t, p, 'post', '/api/admin/users/target.dpupr/enable'),
    expected: { admin: 204, agencyAdminSame: 204, agencyAdminOther: 404, officer: 403, camat: 403, executive: 403 } },
  { name: 'reset the DPUPR officer\'s password', call: (t, p) => send(t, p, 'post', '/api/admin/users/target.dpupr/reset-password'),
    expected: { admin: 200, agencyAdminSame: 200, agencyAdminOther: 404, officer: 403, camat: 403, executive: 403 } },
  { name: 'disable DPUPR\'s other agency admin', call: (t, p) => send(t, p, 'post', '/api/admin/users/kabid2.dpupr/disable'),
    expected: { admin: 204, agencyAdminSame: 403, agencyAdminOther: 404, officer: 403, camat: 403, executive: 403 },
    undo: (t) => asAdmin(t, '/api/admin/users/kabid2.dpupr/enable').expect(204) },
  { name: 'disable the admin', call: (t, p) => send(t, p, 'post', '/api/admin/users/admin3/disable'),
    expected: { admin: 204, agencyAdminSame: 404, agencyAdminOther: 404, officer: 403, camat: 403, executive: 403 },
    undo: (t) => asAdmin(t, '/api/admin/users/admin3/enable').expect(204) },
  { name: 'GET /api/admin/routing', call: (t, p) => request(t.app.baseUrl).get('/api/admin/routing').set('Cookie', p.cookie), expected: adminOnly(200) },
  { name: 'PUT /api/admin/routing', call: (t, p) => send(t, p, 'put', '/api/admin/routing', t.routing, { 'If-Match': t.routingEtag }), expected: adminOnly(200) },
  { name: 'GET /api/admin/deadlines', call: (t, p) => request(t.app.baseUrl).get('/api/admin/deadlines').set('Cookie', p.cookie), expected: adminOnly(200) },
  { name: 'PUT /api/admin/deadlines', call: (t, p) => send(t, p, 'put', '/api/admin/deadlines', t.deadlines, { 'If-Match': t.deadlinesEtag }), expected: adminOnly(200) },
  { name: 'GET /api/admin/holidays', call: (t, p) => request(t.app.baseUrl).get('/api/admin/holidays').set('Cookie', p.cookie), expected: adminOnly(200) },
  { name: 'PUT /api/admin/holidays', call: (t, p) => send(t, p, 'put', '/api/admin/holidays', { holidays: t.holidays }), expected: adminOnly(200) },
  { name: 'GET /api/admin/agencies', call: (t, p) => request(t.app.baseUrl).get('/api/admin/agencies').set('Cookie', p.cookie), expected: adminOnly(200) },
  { name: 'POST /api/admin/agencies', call: (t, p) => send(t, p, 'post', '/api/admin/agencies', { id: `upt-uji-${++t.n}`, name: 'UPT Uji', parentId: 'dpupr' }), expected: adminOnly(201) },
  { name: 'PATCH /api/admin/agencies/:id (rename)', call: (t, p) => send(t, p, 'patch', '/api/admin/agencies/dinakkan', { name: 'Dinas Peternakan dan Perikanan' }), expected: adminOnly(200) },
  { name: 'GET /api/admin/audit', call: (t, p) => request(t.app.baseUrl).get('/api/admin/audit').set('Cookie', p.cookie), expected: adminOnly(200) },
];

interface Ctx { routing: object; routingEtag: string; deadlines: object; deadlinesEtag: string; holidays: object[] }

describe('back office authorization: every action × every role', () => {
  const t = { n: 0 } as Ctx;
  const people = {} as Record<Who, Person>;

  before(async () => {
    t.app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0' });
    t.admin = await login(t.app, 'admin', 'admin-awal-12345');
    people.admin = await addAndLogin(t.app, 'admin2', 'admin');
    people.agencyAdminSame = await addAndLogin(t.app, 'kabid.dpupr', 'agency_admin', { agencyId: 'dpupr' });
    people.agencyAdminOther = await addAndLogin(t.app, 'kabid.dinkes', 'agency_admin', { agencyId: 'dinkes' });
    people.officer = await addAndLogin(t.app, 'petugas.dpupr', 'officer', { agencyId: 'dpupr' });
    people.camat = await addAndLogin(t.app, 'camat.ngawen', 'camat', { kecamatan: '33.16.05' });
    people.executive = await addAndLogin(t.app, 'sekda', 'executive');
    await addUser(t.app, 'target.dpupr', 'officer', { agencyId: 'dpupr' });
    await addUser(t.app, 'kabid2.dpupr', 'agency_admin', { agencyId: 'dpupr' });
    await addUser(t.app, 'admin3', 'admin');
  });
  after(() => t.app.close());

  for (const c of CASES) {
    for (const who of WHO) {
      it(`${c.name} as ${who} → ${c.expected[who]}`, async () => {
        t.routing = await body(t, '/api/admin/routing');
        t.routingEtag = await etag(t, '/api/admin/routing');
        t.deadlines = await body(t, '/api/admin/deadlines');
        t.deadlinesEtag = await etag(t, '/api/admin/deadlines');
        t.holidays = (await body(t, '/api/admin/holidays')).holidays;
        const res = await c.call(t, people[who]);
        assert.equal(res.status, c.expected[who], JSON.stringify(res.body));
        if (res.status < 300) await c.undo?.(t);
        if (res.status >= 400) assert.match(res.body.error.message, /[a-z]/);
      });
    }
  }

  it('an agency admin\'s list holds only their own agency\'s accounts', async () => {
    const same = (await request(t.app.baseUrl).get('/api/admin/users').set('Cookie', people.agencyAdminSame.cookie).expect(200)).body.items;
    assert.ok(same.length > 0 && same.every((u: { agencyId: string }) => u.agencyId === 'dpupr'));
    const other = (await request(t.app.baseUrl).get('/api/admin/users').set('Cookie', people.agencyAdminOther.cookie).expect(200)).body.items;
    assert.deepEqual(other.map((u: { username: string }) => u.username), ['kabid.dinkes']);
  });

  it('an agency admin\'s new account is an officer of their own agency, whatever the body names', async () => {
    const res = await send(t, people.agencyAdminSame, 'post', '/api/admin/users', { username: 'baru.lagi', name: 'Baru', role: 'officer' }).expect(201);
    assert.equal(res.body.user.agencyId, 'dpupr');
    await send(t, people.agencyAdminSame, 'post', '/api/admin/users', { username: 'baru.dinkes', name: 'Baru', role: 'officer', agencyId: 'dinkes' }).expect(403);
  });
});
