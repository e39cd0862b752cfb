import assert from 'node:assert/strict';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { PublicAspiration, PublicClientToServer, PublicServerToClient } from '../../shared/ngopi.ts';
import { csvCell } from '../../server/http/csv.ts';
import { statusLabel } from '../../server/reports/presenter.ts';
import { addAndLogin, deskAction, openDesk, waitFor, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

// Tuesday 3 November 2026, 10:00 WIB; the session runs 09:00–12:00 WIB.
const NOW = Date.parse('2026-11-03T03:00:00Z');

function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Ngopi Bareng Bupati di Cepu', startsAt: '2026-11-03T09:00', endsAt: '2026-11-03T12:00', mode: 'luring_daring',
    kecamatan: '33.16.05', desa: '33.16.05.2001', venue: 'Pendopo Kecamatan', link: 'https://meet.example.org/ngopi',
    topic: 'Pertanian dan jalan desa', facilitator: 'Bu Rina (Dinkominfo)', ...overrides,
  };
}

describe('Ngopi Bareng sessions and aspirations', () => {
  let app: RunningApp;
  let now = NOW;
  let kominfo: Person;
  let executive: Person;
  let dpupr: Person;
  let camat: Person;
  let pupuk: Person;

  const as = (person: Person) => ({
    post: (path: string, body: object) => request(app.baseUrl).post(path).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body),
    put: (path: string, body: object) => request(app.baseUrl).put(path).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body),
    del: (path: string) => request(app.baseUrl).delete(path).set('Cookie', person.cookie).set('Origin', app.baseUrl),
  });
  const createSession = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await as(kominfo).post('/api/ngopi', sessionBody(overrides)).expect(201)).body.id;

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { clock: () => new Date(now) });
    kominfo = await addAndLogin(app, 'kominfo1', 'officer', { agencyId: 'dinkominfo' });
    executive = await addAndLogin(app, 'bupati', 'executive');
    dpupr = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    camat = await addAndLogin(app, 'camat', 'camat', { kecamatan: '33.16.05' });
    pupuk = await addAndLogin(app, 'pupuk1', 'officer', { agencyId: 'satgas-pupuk' });
  });
  beforeEach(() => { now = NOW; });
  after(() => app.close());

  describe('sessions', () => {
    it('a Dinkominfo officer creates a session (times read as WIB) and anyone lists it, without who created it', async () => {
      const res = await as(kominfo).post('/api/ngopi', sessionBody()).expect(201);
      assert.equal(res.body.startsAt, '2026-11-03T02:00:00.000Z');
      const list = await request(app.baseUrl).get('/api/ngopi').expect(200);
      const listed = list.body.upcoming.find((s: { id: string }) => s.id === res.body.id);
      assert.equal(listed.title, 'Ngopi Bareng Bupati di Cepu');
      assert.equal(listed.open, true);
      assert.equal('createdBy' in listed, false);
    });

    it('a past session is listed as past', async () => {
      const id = await createSession({ startsAt: '2026-10-01T09:00', endsAt: '2026-10-01T11:00' });
      const list = await request(app.baseUrl).get('/api/ngopi').expect(200);
      assert.ok(list.body.past.some((s: { id: string }) => s.id === id));
      assert.ok(!list.body.upcoming.some((s: { id: string }) => s.id === id));
    });

    const roles: [string, () => Person, number][] = [
      ['an executive', () => executive, 201],
      ['a DPUPR officer', () => dpupr, 403],
      ['a camat', () => camat, 403],
    ];
    for (const [name, person, status] of roles) {
      it(`${name} creating a session gets ${status}`, async () => {
        await as(person()).post('/api/ngopi', sessionBody()).expect(status);
      });
    }

    it('nobody signed in cannot create one (401), and a foreign origin is refused (403)', async () => {
      await request(app.baseUrl).post('/api/ngopi').set('Origin', app.baseUrl).send(sessionBody()).expect(401);
      await request(app.baseUrl).post('/api/ngopi').set('Cookie', kominfo.cookie).set('Origin', 'https://evil.example').send(sessionBody()).expect(403);
    });

    it('refuses a bad session naming each field', async () => {
      const res = await as(kominfo).post('/api/ngopi', sessionBody({ title: '', endsAt: '2026-11-03T08:00', mode: 'daring', link: 'javascript:alert(1)' })).expect(422);
      assert.deepEqual(res.body.error.fieldCodes, { title: 'required', endsAt: 'ends_before_start', link: 'invalid_url' });
    });

    it('updates a session, and deletes it only while it has no aspirations', async () => {
      const id = await createSession();
      const updated = await as(kominfo).put(`/api/ngopi/${id}`, sessionBody({ title: 'Ngopi Bareng di Randublatung' })).expect(200);
      assert.equal(updated.body.title, 'Ngopi Bareng di Randublatung');
      await as(dpupr).put(`/api/ngopi/${id}`, sessionBody()).expect(403);
      await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'umum', text: 'Mohon lampu penerangan jalan di alun-alun.' }).expect(201);
      const refused = await as(kominfo).del(`/api/ngopi/${id}`).expect(409);
      assert.equal(refused.body.error.code, 'session_has_aspirations');
      const empty = await createSession();
      await as(kominfo).del(`/api/ngopi/${empty}`).expect(204);
      await request(app.baseUrl).get(`/api/ngopi/${empty}`).expect(404);
    });
  });

  describe('facilitator batch entry', () => {
    it('each aspiration becomes an aspirasi report linked to the session, routed to its agency desk live, with its own code', async () => {
      const id = await createSession();
      const roadDesk = openDesk(app, dpupr.cookie);
      await roadDesk.connected;
      try {
        const road = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'infrastruktur', text: 'Jalan Cepu–Kedungtuban rusak parah sejak musim hujan.', speakerName: 'Pak Darmo', consent: true }).expect(201);
        const health = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'kesehatan', text: 'Puskesmas pembantu sering tutup siang hari.' }).expect(201);
        const chosen = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'umum', agencyId: 'disdik', text: 'Perlu beasiswa untuk anak petani.', speakerName: 'Bu Sri' }).expect(201);

        assert.equal(road.body.agencyId, 'dpupr');
        assert.equal(health.body.agencyId, 'dinkes');
        assert.equal(chosen.body.agencyId, 'disdik', 'the facilitator may change the agency');
        assert.equal(new Set([road.body.publicId, health.body.publicId, chosen.body.publicId]).size, 3);
        await waitFor(() => roadDesk.received.some((e) => e.report.publicId === road.body.publicId && e.type === 'report.created'));
        assert.ok(!roadDesk.received.some((e) => e.report.publicId === health.body.publicId), 'DPUPR does not see the health aspiration');

        const stored = (await app.deps.store.getReport(road.body.publicId))!;
        assert.equal(stored.category, 'aspirasi');
        assert.deepEqual(stored.details, { topic: 'infrastruktur', session: id });
        assert.equal(stored.reporterName, 'Pak Darmo');
        assert.equal((await app.deps.store.getReport(chosen.body.publicId))!.reporterName, null, 'no name kept without consent');
        const events = await app.deps.store.eventsOfReport(road.body.publicId);
        assert.equal(events[0].actor.userId, kominfo.user.id);
      } finally {
        roadDesk.socket.close();
      }
    });

    it('refuses an unknown topic, a short text and an unknown agency', async () => {
      const id = await createSession();
      const res = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'cuaca', text: 'x' }).expect(422);
      assert.equal(res.body.error.fieldCodes.topic, 'invalid_topic');
      const short = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'umum', text: 'pendek' }).expect(422);
      assert.equal(short.body.error.fieldCodes.text, 'description_too_short');
      const agency = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'umum', agencyId: 'nasa', text: 'Aspirasi yang cukup panjang.' }).expect(422);
      assert.equal(agency.body.error.fieldCodes.agencyId, 'invalid_agency');
      await as(dpupr).post(`/api/ngopi/${id}/aspirations`, { topic: 'umum', text: 'Aspirasi yang cukup panjang.' }).expect(403);
    });
  });

  describe('online participation', () => {
    it('a citizen aspiration sent during the session goes to its topic agency; the public list and socket carry public text only, never confidential ones', async () => {
      const id = await createSession();
      const socket: Socket<PublicServerToClient, PublicClientToServer> = connect(`${app.baseUrl}/public`, { transports: ['websocket'], reconnection: false, forceNew: true });
      const live: PublicAspiration[] = [];
      socket.on('ngopi:aspiration', (a) => live.push(a));
      try {
        const joined = await socket.emitWithAck('ngopi:join', { sessionId: id });
        assert.deepEqual(joined, { items: [] });
        const body = {
          category: 'aspirasi', description: 'Mohon bantuan bibit jagung untuk kelompok tani.', kecamatan: '33.16.05', desa: '33.16.05.2001',
          name: 'Warga Cepu', phone: '081234567890', details: { topic: 'pertanian', session: id },
        };
        const open = await request(app.baseUrl).post('/api/reports').send(body).expect(201);
        assert.equal(open.body.agency.id, 'satgas-pupuk');
        await request(app.baseUrl).post('/api/reports').send({ ...body, confidential: true, description: 'Ada pungli di kantor desa kami.' }).expect(201);
        // A later public one is the barrier: the socket delivers in emit order, so once it is here a
        // broadcast confidential one would be too.
        const later = await request(app.baseUrl).post('/api/reports').send({ ...body, description: 'Mohon perbaikan saluran irigasi tersier.' }).expect(201);

        await waitFor(() => live.some((a) => a.publicId === later.body.publicId));
        assert.deepEqual(live.map((a) => a.publicId), [open.body.publicId, later.body.publicId], 'the confidential one is not broadcast');
        assert.deepEqual(Object.keys(live[0]).sort(), ['agencyId', 'createdAt', 'publicId', 'status', 'supportCount', 'text', 'topic']);
        assert.deepEqual(live.map((a) => a.text), [null, null], 'a citizen\'s text is not public before an officer verified it');
        const listed = await request(app.baseUrl).get(`/api/ngopi/${id}`).expect(200);
        assert.equal(listed.body.items.length, 2);
        assert.ok(!JSON.stringify(listed.body).includes('Warga Cepu'));
        assert.ok(!JSON.stringify(listed.body).includes('pungli'));
        assert.ok(!JSON.stringify(listed.body).includes('bibit jagung'));
        const page = await request(app.baseUrl).get(`/ngopi/${id}`).expect(200);
        assert.ok(!page.text.includes('bibit jagung') && page.text.includes('setelah diverifikasi petugas'), 'the page withholds it too');

        await deskAction(app, pupuk.cookie, open.body.publicId, { type: 'verify' }).expect(200);
        await waitFor(() => live.some((a) => a.publicId === open.body.publicId && a.text !== null));
        assert.equal(live.find((a) => a.text !== null)?.text, body.description, 'once verified, the live list shows it');
        const after = await request(app.baseUrl).get(`/ngopi/${id}`).expect(200);
        assert.ok(after.text.includes('bibit jagung'));
      } finally {
        socket.close();
      }
    });

    it('refuses an online aspiration for a session that is over; an unknown session text stays a plain aspiration', async () => {
      const id = await createSession({ startsAt: '2026-10-01T09:00', endsAt: '2026-10-01T11:00' });
      const body = { category: 'aspirasi', description: 'Aspirasi yang terlambat dikirim.', kecamatan: '33.16.05', desa: '33.16.05.2001', details: { topic: 'umum', session: id } };
      assert.equal((await request(app.baseUrl).post('/api/reports').send(body).expect(409)).body.error.code, 'session_closed');
      const unknown = await request(app.baseUrl).post('/api/reports').send({ ...body, details: { topic: 'kesehatan', session: 'Ngopi di balai desa' } }).expect(201);
      assert.equal(unknown.body.agency.id, 'dinkominfo');
    });
  });

  describe('summary', () => {
    it('counts by topic and agency, shows each status and timeliness, and exports CSV with formula cells defused', async () => {
      const id = await createSession();
      const a = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'infrastruktur', text: '=HYPERLINK("http://evil")&" jalan rusak"' }).expect(201);
      await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'infrastruktur', text: 'Irigasi tersier di Sambong mampet.' }).expect(201);
      const secret = await as(kominfo).post(`/api/ngopi/${id}/aspirations`, { topic: 'kesehatan', text: 'Obat di Puskesmas sering kosong.', confidential: true }).expect(201);
      await as(dpupr).post(`/api/desk/reports/${a.body.publicId}/actions`, { type: 'verify' }).expect(200);

      const summary = (await request(app.baseUrl).get(`/api/ngopi/${id}/summary`).expect(200)).body;
      assert.equal(summary.total, 3);
      const counts = (list: { id: string; count: number }[]) => Object.fromEntries(list.map((t) => [t.id, t.count]));
      assert.deepEqual(counts(summary.byTopic), { infrastruktur: 2, kesehatan: 1 });
      assert.deepEqual(counts(summary.byAgency), { dpupr: 2, dinkes: 1 });
      const row = (code: string) => summary.rows.find((r: { publicId: string }) => r.publicId === code);
      assert.equal(row(a.body.publicId).status, 'verified');
      assert.equal(row(a.body.publicId).timeliness, 'running');
      assert.equal(row(secret.body.publicId).text, null, 'a confidential aspiration is counted, not shown');

      const page = await request(app.baseUrl).get(`/ngopi/${id}/ringkasan`).expect(200);
      assert.ok(page.text.includes(`<td class="status">${statusLabel('verified')}</td>`));
      assert.ok(!page.text.includes('<a href="http://evil'), 'text is escaped');
      const csv = await request(app.baseUrl).get(`/ngopi/${id}/ringkasan.csv`).expect(200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.ok(csv.text.includes(`"'=HYPERLINK(""http://evil"")&"" jalan rusak"""`), csv.text);
      assert.ok(csv.text.includes('(dirahasiakan)'));
    });

    it('csvCell defuses every formula starter', () => {
      for (const start of ['=', '+', '-', '@']) assert.equal(csvCell(`${start}1+1`), `"'${start}1+1"`);
      assert.equal(csvCell('Jalan "rusak"'), '"Jalan ""rusak"""');
    });
  });
});
