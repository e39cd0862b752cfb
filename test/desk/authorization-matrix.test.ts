import assert from 'node:assert/strict';
import request from 'supertest';
import type { Role } from '../../shared/types.ts';
import { jpegWithGps, pupukReport, validReport } from '../helpers/fixtures.ts';
import { toDeskUser } from '../../server/auth/users.ts';
import { addAndLogin, login, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// "Own" is a DPUPR road report in Ngawen (33.16.05): the officer's agency and the camat's
// kecamatan. "Other" is a Satgas Pupuk report in Jati (33.16.01): neither.
const ROLES: Role[] = ['officer', 'agency_admin', 'camat', 'executive', 'admin'];
const SEES_OTHER: Record<Role, boolean> = { officer: false, agency_admin: false, camat: false, executive: true, admin: true };

/** `code` is the report's public id, the desk's name for it; `trackingCode` the reporter's secret. */
interface Fixture { code: string; trackingCode: string; description: string; photoId: string }
let counter = 0;

async function submitWithPhoto(app: RunningApp, body: Record<string, unknown>): Promise<Fixture> {
  counter += 1;
  const description = `${String(body.description)} [penanda-${counter}-${Math.random().toString(36).slice(2, 8)}]`;
  const req = request(app.baseUrl).post('/api/reports')
    .field('category', String(body.category)).field('description', description)
    .field('kecamatan', String(body.kecamatan)).field('desa', String(body.desa))
    .attach('photos', await jpegWithGps(64, 48), 'foto.jpg');
  for (const [key, value] of Object.entries(body.details as Record<string, unknown>)) {
    for (const v of Array.isArray(value) ? value : [value]) void req.field(`details[${key}]${Array.isArray(value) ? '[]' : ''}`, String(v));
  }
  const res = await req.expect(201);
  const view = await request(app.baseUrl).get(`/api/desk/reports/${res.body.publicId}`).set('Cookie', adminCookie).expect(200);
  return { code: res.body.publicId, trackingCode: res.body.code, description, photoId: view.body.photos[0].id };
}

let adminCookie = '';

interface Case {
  name: string;
  /** Returns the response for this role on this report. */
  call: (app: RunningApp, person: Person, report: Fixture) => request.Test;
  /** Expected status for the role on its own report (the other report: 404 unless SEES_OTHER). */
  own: Record<Role, number>;
  other?: Partial<Record<Role, number>>;
  mutates?: boolean;
}

const post = (app: RunningApp, person: Person, code: string, body: object) =>
  request(app.baseUrl).post(`/api/desk/reports/${code}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body);

const CASES: Case[] = [
  {
    name: 'GET /api/desk/reports/:code',
    call: (app, p, r) => request(app.baseUrl).get(`/api/desk/reports/${r.code}`).set('Cookie', p.cookie),
    own: { officer: 200, agency_admin: 200, camat: 200, executive: 200, admin: 200 },
  },
  {
    name: 'GET /api/desk/media/:file (photo)',
    call: (app, p, r) => request(app.baseUrl).get(`/api/desk/media/${r.photoId}.thumb.jpg`).set('Cookie', p.cookie),
    own: { officer: 200, agency_admin: 200, camat: 200, executive: 200, admin: 200 },
  },
  {
    name: 'POST actions {note}',
    call: (app, p, r) => post(app, p, r.code, { type: 'note', text: 'Catatan internal.' }),
    own: { officer: 200, agency_admin: 200, camat: 200, executive: 200, admin: 200 },
    mutates: true,
  },
  {
    name: 'POST actions {verify}',
    call: (app, p, r) => post(app, p, r.code, { type: 'verify' }),
    own: { officer: 200, agency_admin: 200, camat: 403, executive: 403, admin: 200 },
    other: { executive: 403 },
    mutates: true,
  },
  {
    name: 'POST actions {reply}',
    call: (app, p, r) => post(app, p, r.code, { type: 'reply', message: 'Terima kasih, sedang kami cek.' }),
    own: { officer: 200, agency_admin: 200, camat: 403, executive: 403, admin: 200 },
    other: { executive: 403 },
    mutates: true,
  },
  {
    name: 'POST actions {reject}',
    call: (app, p, r) => post(app, p, r.code, { type: 'reject', reason: 'Bukan kewenangan kabupaten.' }),
    own: { officer: 200, agency_admin: 200, camat: 403, executive: 403, admin: 200 },
    other: { executive: 403 },
    mutates: true,
  },
  {
    name: 'POST actions {forward}',
    call: (app, p, r) => post(app, p, r.code, { type: 'forward', agencyId: 'dinkominfo', note: 'Mohon ditindaklanjuti.' }),
    own: { officer: 200, agency_admin: 200, camat: 403, executive: 200, admin: 200 },
    mutates: true,
  },
  {
    name: 'POST actions {assign}',
    call: (app, p, r) => post(app, p, r.code, { type: 'assign', userId: 'nobody' }),
    // Allowed roles get past policy and fail on the made-up user (422); the rest are refused.
    own: { officer: 403, agency_admin: 422, camat: 403, executive: 403, admin: 422 },
    other: { executive: 403, admin: 422 },
    mutates: true,
  },
];

describe('desk authorization matrix: every endpoint × role × own/other agency', () => {
  let app: RunningApp;
  const people = {} as Record<Role, Person>;
  let own: Fixture;
  let other: Fixture;

  before(async () => {
    app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345' });
    adminCookie = await login(app, 'admin', 'admin-awal-12345');
    const admin = await app.deps.store.getUserByUsername('admin');
    people.admin = { user: toDeskUser(admin!, app.deps.catalog), cookie: adminCookie };
    people.officer = await addAndLogin(app, 'petugas.dpupr', 'officer', { agencyId: 'dpupr' });
    people.agency_admin = await addAndLogin(app, 'admin.dpupr', 'agency_admin', { agencyId: 'dpupr' });
    people.camat = await addAndLogin(app, 'camat.ngawen', 'camat', { kecamatan: '33.16.05' });
    people.executive = await addAndLogin(app, 'sekda', 'executive');
    own = await submitWithPhoto(app, validReport());
    other = await submitWithPhoto(app, pupukReport({}, { kecamatan: '33.16.01', desa: '33.16.01.2001' }));
  });
  after(() => app.close());

  /** Neither the other report's code nor its description may appear in what this role gets. */
  function assertNoLeak(role: Role, body: string, report: Fixture): void {
    if (SEES_OTHER[role]) return;
    assert.ok(!body.includes(report.code), `${role} got the other report's code`);
    assert.ok(!body.includes(report.description.slice(-20)), `${role} got the other report's description`);
  }

  for (const testCase of CASES) {
    for (const role of ROLES) {
      for (const where of ['own', 'other'] as const) {
        const expected = where === 'own' ? testCase.own[role] : testCase.other?.[role] ?? (SEES_OTHER[role] ? testCase.own[role] : 404);
        it(`${testCase.name} as ${role} on ${where} report → ${expected}`, async () => {
          // Changing actions get a fresh report each time, so one row does not spoil the next.
          const target = testCase.mutates
            ? await submitWithPhoto(app, where === 'own' ? validReport() : pupukReport({}, { kecamatan: '33.16.01', desa: '33.16.01.2001' }))
            : where === 'own' ? own : other;
          const res = await testCase.call(app, people[role], target);
          assert.equal(res.status, expected, JSON.stringify(res.body));
          assertNoLeak(role, JSON.stringify(res.body ?? ''), where === 'other' ? target : other);
          assertNoLeak(role, JSON.stringify(res.body ?? ''), other);
        });
      }
    }
  }

  for (const role of ROLES) {
    it(`GET /api/desk/reports as ${role} lists only reports in scope, and no other agency's data`, async () => {
      const res = await request(app.baseUrl).get('/api/desk/reports?limit=100').set('Cookie', people[role].cookie).expect(200);
      const codes = (res.body.items as { publicId: string }[]).map((i) => i.publicId);
      assert.ok(codes.includes(own.code), `${role} should see the own report`);
      assert.equal(codes.includes(other.code), SEES_OTHER[role]);
      assertNoLeak(role, JSON.stringify(res.body), other);
      assert.ok(!JSON.stringify(res.body).includes(own.trackingCode), `${role} was shown a tracking code`);
      // Filters cannot widen the scope.
      const widened = await request(app.baseUrl).get('/api/desk/reports?kecamatan=33.16.01&category=pupuk').set('Cookie', people[role].cookie).expect(200);
      assertNoLeak(role, JSON.stringify(widened.body), other);
      const searched = await request(app.baseUrl).get(`/api/desk/reports?q=${encodeURIComponent(other.code)}`).set('Cookie', people[role].cookie).expect(200);
      assertNoLeak(role, JSON.stringify(searched.body), other);
    });

    it(`GET /api/desk/officers as ${role}`, async () => {
      const res = await request(app.baseUrl).get('/api/desk/officers?agencyId=satgas-pupuk').set('Cookie', people[role].cookie);
      const expected = { officer: 200, agency_admin: 200, camat: 403, executive: 403, admin: 200 }[role];
      assert.equal(res.status, expected);
      if (role === 'officer' || role === 'agency_admin') {
        // The query cannot point an agency desk at another agency's staff.
        assert.deepEqual((res.body.items as { username: string }[]).map((o) => o.username).sort(), ['admin.dpupr', 'petugas.dpupr']);
      }
    });

    it(`GET and PUT /api/admin/holidays as ${role}`, async () => {
      const expected = role === 'admin' ? 200 : 403;
      await request(app.baseUrl).get('/api/admin/holidays').set('Cookie', people[role].cookie).expect(expected);
      const holidays = app.deps.catalog.holidays;
      await request(app.baseUrl).put('/api/admin/holidays').set('Cookie', people[role].cookie).set('Origin', app.baseUrl)
        .send({ holidays }).expect(expected);
    });
  }

  it('every desk and admin endpoint refuses a request without a session (401)', async () => {
    const calls = [
      request(app.baseUrl).get('/api/desk/reports'),
      request(app.baseUrl).get(`/api/desk/reports/${own.code}`),
      request(app.baseUrl).post(`/api/desk/reports/${own.code}/actions`).set('Origin', app.baseUrl).send({ type: 'note', text: 'x' }),
      request(app.baseUrl).get(`/api/desk/media/${own.photoId}.jpg`),
      request(app.baseUrl).get('/api/desk/officers'),
      request(app.baseUrl).get('/api/desk/meta'),
      request(app.baseUrl).get('/api/admin/holidays'),
      request(app.baseUrl).get('/api/auth/me'),
    ];
    for (const [i, call] of calls.entries()) {
      const res = await call;
      assert.equal(res.status, 401, `call ${i}`);
      assert.ok(!JSON.stringify(res.body).includes(own.description.slice(-20)));
    }
  });

  it('refuses a desk action with a session cookie but a foreign Origin (CSRF)', async () => {
    const res = await request(app.baseUrl).post(`/api/desk/reports/${own.code}/actions`).set('Cookie', people.officer.cookie)
      .set('Origin', 'https://jahat.example').send({ type: 'note', text: 'x' }).expect(403);
    assert.equal(res.body.error.code, 'csrf_rejected');
  });
});
