import assert from 'node:assert/strict';
import request from 'supertest';
import { announceOverdue } from '../../server/desk/sla.ts';
import { toDeskUser } from '../../server/auth/users.ts';
import { jpegWithGps, validReport } from '../helpers/fixtures.ts';
import { addAndLogin, login, openDesk, waitFor, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// Monday 2 March 2026, 10:00 WIB. The next holidays are 18–24 March (Nyepi, Idul Fitri).
const MONDAY = Date.parse('2026-03-02T03:00:00Z');
const DAY = 86_400_000;

describe('desk triage workflow', () => {
  let app: RunningApp;
  let now = MONDAY;
  let officer: Person;
  let colleague: Person;
  let agencyAdmin: Person;
  let camat: Person;
  let executive: Person;
  let admin: Person;
  let satgas: Person;

  const submit = async (body: Record<string, unknown> = validReport()): Promise<string> =>
    (await request(app.baseUrl).post('/api/reports').send(body).expect(201)).body.publicId;
  /** The public id (the desk's name for it) and the tracking code (the citizen's). */
  const submitTracked = async (body: Record<string, unknown> = validReport()): Promise<{ id: string; code: string }> => {
    const res = await request(app.baseUrl).post('/api/reports').send(body).expect(201);
    return { id: res.body.publicId, code: res.body.code };
  };
  const act = (person: Person, code: string, body: object) =>
    request(app.baseUrl).post(`/api/desk/reports/${code}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body);
  const view = async (person: Person, code: string) =>
    (await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', person.cookie).expect(200)).body;

  before(async () => {
    // Sessions long enough to survive the clock jumping days ahead.
    app = await startApp({ ADMIN_PASSWORD: 'admin-awal-12345', OVERDUE_SWEEP_SECONDS: '0', SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' }, { clock: () => new Date(now) });
    officer = await addAndLogin(app, 'petugas1', 'officer', { agencyId: 'dpupr' });
    colleague = await addAndLogin(app, 'petugas2', 'officer', { agencyId: 'dpupr' });
    agencyAdmin = await addAndLogin(app, 'kabid', 'agency_admin', { agencyId: 'dpupr' });
    camat = await addAndLogin(app, 'camat', 'camat', { kecamatan: '33.16.05' });
    executive = await addAndLogin(app, 'bupati', 'executive');
    satgas = await addAndLogin(app, 'satgas1', 'officer', { agencyId: 'satgas-pupuk' });
    const adminCookie = await login(app, 'admin', 'admin-awal-12345');
    admin = { user: toDeskUser((await app.deps.store.getUserByUsername('admin'))!, app.deps.catalog), cookie: adminCookie };
  });
  beforeEach(() => { now = MONDAY; });
  after(() => app.close());

  it('verifying starts the 5-working-day follow-up clock; the queue shows allowed actions', async () => {
    const code = await submit();
    const res = await act(officer, code, { type: 'verify' }).expect(200);
    assert.equal(res.body.report.status, 'verified');
    assert.equal(res.body.report.followUpDueAt, '2026-03-09T16:59:59.999Z'); // end of Monday 9 March, WIB
    assert.equal(res.body.report.dueAt, res.body.report.followUpDueAt);
    const list = await request(app.baseUrl).get('/api/desk/reports?status=verified').set('Cookie', officer.cookie).expect(200);
    const row = list.body.items.find((i: { publicId: string }) => i.publicId === code);
    assert.equal(row.overdue, false);
    assert.deepEqual(row.allowedActions, ['start', 'resolve', 'reject', 'duplicate', 'forward', 'reply', 'note', 'redact']);
  });

  it('refuses an illegal transition with 409 and appends nothing', async () => {
    const code = await submit();
    await act(officer, code, { type: 'reject', reason: 'Laporan palsu.' }).expect(200);
    const before = (await app.deps.store.eventsOfReport(code)).length;
    for (const body of [{ type: 'verify' }, { type: 'start' }, { type: 'resolve', note: 'x' }, { type: 'forward', agencyId: 'dinkes', note: 'x' }]) {
      const res = await act(officer, code, body).expect(409);
      assert.equal(res.body.error.code, 'illegal_transition');
    }
    assert.equal((await app.deps.store.eventsOfReport(code)).length, before);
  });

  it('asks for what each action needs (422), in Bahasa Indonesia', async () => {
    const code = await submit();
    const cases: [object, string][] = [
      [{ type: 'resolve' }, 'note'],
      [{ type: 'reject', reason: '   ' }, 'reason'],
      [{ type: 'duplicate', of: 'bukan-kode' }, 'of'],
      [{ type: 'duplicate', of: code }, 'of'],
      [{ type: 'forward', agencyId: 'dinas-khayalan', note: 'x' }, 'agencyId'],
      [{ type: 'forward', agencyId: 'dpupr', note: 'x' }, 'agencyId'],
      [{ type: 'forward', agencyId: 'dinkes' }, 'note'],
      [{ type: 'reply' }, 'message'],
      [{ type: 'note', text: '' }, 'text'],
      [{ type: 'terbang' }, 'type'],
    ];
    for (const [body, field] of cases) {
      const res = await act(officer, code, body).expect(422);
      assert.ok(res.body.error.fields?.[field], `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
      assert.match(res.body.error.message, /isian/i);
    }
  });

  it('each action appends exactly one event, and the citizen sees replies and the resolution but not internal notes', async () => {
    const { id: code, code: trackingCode } = await submitTracked();
    const steps: [Person, object, string][] = [
      [officer, { type: 'verify' }, 'report.verified'],
      [agencyAdmin, { type: 'assign', userId: colleague.user.id }, 'report.assigned'],
      [colleague, { type: 'start' }, 'report.started'],
      [camat, { type: 'note', text: 'Warga sudah dua kali lapor ke kantor kecamatan.' }, 'report.noted'],
      [colleague, { type: 'reply', message: 'Tim akan menambal jalan hari Kamis.' }, 'report.replied'],
      [colleague, { type: 'resolve', note: 'Jalan sudah ditambal.' }, 'report.resolved'],
    ];
    for (const [person, body, type] of steps) {
      const before = await app.deps.store.eventsOfReport(code);
      await act(person, code, body).expect(200);
      const after = await app.deps.store.eventsOfReport(code);
      assert.equal(after.length, before.length + 1);
      assert.equal(after[after.length - 1].type, type);
    }
    const desk = await view(officer, code);
    assert.equal(desk.status, 'resolved');
    assert.equal(desk.assigneeId, colleague.user.id);
    assert.equal(desk.dueAt, null);
    assert.deepEqual(desk.timeline.map((e: { type: string }) => e.type), ['report.created', ...steps.map((s) => s[2])]);

    const tracking = (await request(app.baseUrl).get(`/api/reports/${trackingCode}`).expect(200)).body;
    const messages = tracking.timeline.map((e: { message?: string }) => e.message).filter(Boolean);
    assert.deepEqual(messages, ['Tim akan menambal jalan hari Kamis.', 'Jalan sudah ditambal.']);
    assert.ok(!JSON.stringify(tracking).includes('dua kali lapor'), 'internal notes stay internal');
  });

  it('assigns only to an active officer of the report’s agency', async () => {
    const code = await submit();
    await act(agencyAdmin, code, { type: 'assign', userId: satgas.user.id }).expect(422);
    await act(agencyAdmin, code, { type: 'assign', userId: camat.user.id }).expect(422);
    await act(agencyAdmin, code, { type: 'assign', userId: officer.user.id }).expect(200);
    const officers = (await request(app.baseUrl).get('/api/desk/officers').set('Cookie', officer.cookie).expect(200)).body.items;
    assert.deepEqual(officers.map((o: { username: string }) => o.username).sort(), ['kabid', 'petugas1', 'petugas2']);
  });

  it('marks a duplicate of another report and closes its deadline', async () => {
    const original = await submit();
    const copy = await submit();
    const res = await act(officer, copy, { type: 'duplicate', of: original.toLowerCase() }).expect(200);
    assert.equal(res.body.report.status, 'duplicate');
    assert.equal(res.body.report.duplicateOf, original);
    assert.equal(res.body.report.dueAt, null);
  });

  it('an executive can forward (disposisi) any report; the answer is empty once it left an officer’s desk', async () => {
    const code = await submit();
    const byExec = await act(executive, code, { type: 'forward', agencyId: 'dinkes', note: 'Ada korban luka, tolong Dinkes.' }).expect(200);
    assert.equal(byExec.body.report.agencyId, 'dinkes');
    const other = await submit();
    const byOfficer = await act(officer, other, { type: 'forward', agencyId: 'dinkes', note: 'Bukan wewenang kami.' }).expect(200);
    assert.equal(byOfficer.body.report, null);
    const event = (await app.deps.store.eventsOfReport(other)).at(-1)!;
    assert.deepEqual(event.rooms.sort(), ['agency:dinkes', 'agency:dpupr', 'all', 'kecamatan:33.16.05']);
  });

  it('two desks acting at once: both notes land (retry on version conflict), only one verify wins', async () => {
    const code = await submit();
    const notes = await Promise.all([
      act(officer, code, { type: 'note', text: 'Catatan satu.' }),
      act(colleague, code, { type: 'note', text: 'Catatan dua.' }),
    ]);
    assert.deepEqual(notes.map((r) => r.status), [200, 200]);
    const verifies = await Promise.all([act(officer, code, { type: 'verify' }), act(colleague, code, { type: 'verify' })]);
    assert.deepEqual(verifies.map((r) => r.status).sort(), [200, 409]);
    const types = (await app.deps.store.eventsOfReport(code)).map((e) => e.type);
    assert.deepEqual(types, ['report.created', 'report.noted', 'report.noted', 'report.verified']);
  });

  it('a report past its deadline is overdue in the queue and announced to the executives once', async () => {
    const code = await submit();
    const execDesk = openDesk(app, executive.cookie);
    const agencyDesk = openDesk(app, officer.cookie);
    await Promise.all([execDesk.connected, agencyDesk.connected]);
    try {
      now = MONDAY + 4 * DAY; // Friday: the 3-working-day verification deadline (Thursday) has passed
      const list = await request(app.baseUrl).get('/api/desk/reports?overdue=true').set('Cookie', officer.cookie).expect(200);
      const row = list.body.items.find((i: { publicId: string }) => i.publicId === code);
      assert.equal(row?.overdue, true);

      assert.ok((await announceOverdue(app.deps)) >= 1);
      assert.equal(await announceOverdue(app.deps), 0, 'announced once only');
      await waitFor(() => execDesk.received.some((e) => e.type === 'report.overdue' && e.report.publicId === code));
      assert.equal(execDesk.received.filter((e) => e.type === 'report.overdue' && e.report.publicId === code).length, 1);
      // Verifying starts a new deadline, which may be announced again when it passes. Its event
      // reaches the agency desk after any overdue alarm would have: a barrier, not a sleep.
      await act(officer, code, { type: 'verify' }).expect(200);
      await waitFor(() => agencyDesk.received.some((e) => e.type === 'report.verified' && e.report.publicId === code));
      assert.ok(!agencyDesk.received.some((e) => e.type === 'report.overdue'), 'the overdue alarm is for the executive room');
      assert.equal((await app.deps.store.getReport(code))?.overdueNotified, false);
    } finally {
      execDesk.socket.disconnect();
      agencyDesk.socket.disconnect();
    }
  });

  it('an admin-added holiday moves new deadlines', async () => {
    const current = (await request(app.baseUrl).get('/api/admin/holidays').set('Cookie', admin.cookie).expect(200)).body.holidays;
    const bad = await request(app.baseUrl).put('/api/admin/holidays').set('Cookie', admin.cookie).set('Origin', app.baseUrl)
      .send({ holidays: [{ date: '2026-02-30', name: 'Tidak ada', kind: 'libur' }] }).expect(422);
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.ok('holidays.0.date' in bad.body.error.fields);
    await request(app.baseUrl).put('/api/admin/holidays').set('Cookie', admin.cookie).set('Origin', app.baseUrl)
      .send({ holidays: [...current, { date: '2026-03-04', name: 'Hari Jadi Kabupaten (contoh)', kind: 'libur' }] }).expect(200);
    const code = await submit();
    const res = await act(officer, code, { type: 'verify' }).expect(200);
    assert.equal(res.body.report.followUpDueAt, '2026-03-10T16:59:59.999Z');
    await request(app.baseUrl).put('/api/admin/holidays').set('Cookie', admin.cookie).set('Origin', app.baseUrl).send({ holidays: current }).expect(200);
  });

  describe('reporter identity and confidential photos', () => {
    it('never shows the name or phone of an anonymous reporter to any desk role, admin included, even when kept for progress updates', async () => {
      const code = await submit(validReport({ anonymous: true, notifyConsent: true, name: 'Siti Rahayu', phone: '0813-9999-1234' }));
      for (const person of [officer, agencyAdmin, camat, executive, admin]) {
        const body = JSON.stringify(await view(person, code));
        assert.ok(!body.includes('Siti') && !body.includes('9999'), `${person.user.role} saw the anonymous reporter`);
        const list = await request(app.baseUrl).get(`/api/desk/reports?q=${code}`).set('Cookie', person.cookie).expect(200);
        assert.ok(!JSON.stringify(list.body).includes('9999'));
      }
      assert.equal((await view(admin, code)).reporter, null);
    });

    it('shows a named reporter to the desk that handles the report', async () => {
      const code = await submit(validReport({ name: 'Sutrisno' }));
      assert.equal((await view(officer, code)).reporter.name, 'Sutrisno');
    });

    it('serves confidential photos only through the desk route, to those who may see the report', async () => {
      const res = await request(app.baseUrl).post('/api/reports')
        .field('category', 'pupuk').field('description', 'Pupuk urea dijual di atas HET, kios minta beli paket.')
        .field('kecamatan', '33.16.05').field('desa', '33.16.05.2001')
        .field('details[fertiliserType]', 'urea').field('details[problems][]', 'stok_kosong')
        .attach('photos', await jpegWithGps(64, 48), 'foto.jpg').expect(201);
      assert.equal(res.body.confidential, true);
      const desk = await view(satgas, res.body.publicId);
      const photo = desk.photos[0];
      assert.match(photo.url, /^\/api\/desk\/media\//);
      await request(app.baseUrl).get(`/media/${photo.id}.jpg`).expect(404);
      const served = await request(app.baseUrl).get(photo.url).set('Cookie', satgas.cookie).expect(200);
      assert.equal(served.headers['content-type'], 'image/jpeg');
      assert.match(served.headers['cache-control'], /private/);
      await request(app.baseUrl).get(photo.url).set('Cookie', officer.cookie).expect(404); // DPUPR
      await request(app.baseUrl).get(photo.url).set('Cookie', camat.cookie).expect(200); // the report is in Ngawen
      await request(app.baseUrl).get(photo.url).expect(401);
    });
  });
});
