// The public id is what the world may see of a report; the tracking code is the reporter's
// secret. Tried as a stranger would: take everything public, and try it as a code.
import assert from 'node:assert/strict';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { PublicAspiration, PublicClientToServer, PublicServerToClient } from '../../shared/ngopi.ts';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

// Tuesday 3 November 2026, 10:00 WIB; the Ngopi session runs 09:00–12:00 WIB.
const NOW = Date.parse('2026-11-03T03:00:00Z');

/** Every string anywhere in a JSON answer: ids, links, texts. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The code as a citizen might type it: with dashes, without, lower case. */
function spellingsOf(code: string): string[] {
  const compact = code.replaceAll('-', '');
  return [code, compact, code.toLowerCase(), compact.toLowerCase()];
}

function assertNoCode(text: string, code: string, where: string): void {
  for (const spelling of spellingsOf(code)) assert.ok(!text.includes(spelling), `${where} carries the tracking code (${spelling})`);
}

describe('public id and tracking code', () => {
  let app: RunningApp;
  let now = NOW;
  let dpupr: Person;
  let kominfo: Person;

  const submit = async (body: Record<string, unknown> = validReport({ confidential: false })): Promise<{ id: string; code: string }> => {
    const res = await request(app.baseUrl).post('/api/reports').send(body).expect(201);
    return { id: res.body.publicId, code: res.body.code };
  };
  const act = (person: Person, id: string, body: object) =>
    request(app.baseUrl).post(`/api/desk/reports/${id}/actions`).set('Cookie', person.cookie).set('Origin', app.baseUrl).send(body);

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { clock: () => new Date(now) });
    dpupr = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    kominfo = await addAndLogin(app, 'kominfo1', 'officer', { agencyId: 'dinkominfo' });
  });
  beforeEach(() => { now = NOW; });
  after(() => app.close());

  it('every intake answer gives a random 8-character public id and the tracking code, which are unrelated', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const { id, code } = await submit();
      assert.match(id, /^[2-9A-HJKMNP-TV-Z]{8}$/);
      assert.match(code, /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      assert.ok(!code.replaceAll('-', '').includes(id));
      ids.add(id);
    }
    assert.equal(ids.size, 5);
  });

  it('a stranger with the nearby API cannot rate or reopen a report: nothing in the answer works as a code, and the reporter still can', async () => {
    const { id, code } = await submit();
    for (const type of ['verify', 'start']) await act(dpupr, id, { type }).expect(200);
    await act(dpupr, id, { type: 'resolve', note: 'Lubang sudah ditambal.' }).expect(200);

    // The report is resolved, so it is no longer suggested; a fresh open one beside it is.
    const open = await submit(validReport({ confidential: false, desa: '33.16.05.2002' }));
    const nearby = await request(app.baseUrl).get('/api/reports/nearby?category=jalan&desa=33.16.05.2002').expect(200);
    assert.ok(nearby.body.items.some((i: { publicId: string }) => i.publicId === open.id));
    assertNoCode(JSON.stringify(nearby.body), open.code, 'the nearby answer');

    for (const value of new Set(stringsOf(nearby.body))) {
      for (const target of [value, value.replace(/^.*\//, '')]) {
        const rate = await request(app.baseUrl).post(`/api/reports/${encodeURIComponent(target)}/feedback`).send({ rating: 1 });
        assert.equal(rate.status, 404, `"${target}" from the nearby answer worked as a code`);
        const reopen = await request(app.baseUrl).post(`/api/reports/${encodeURIComponent(target)}/feedback`).send({ reopen: true, reason: 'Belum beres.' });
        assert.equal(reopen.status, 404);
        assert.equal((await request(app.baseUrl).get(`/lacak/${encodeURIComponent(target)}`)).status, 404);
      }
    }
    // The public id does not open the reporter's page either.
    await request(app.baseUrl).post(`/api/reports/${id}/feedback`).send({ rating: 1 }).expect(404);
    const rated = await request(app.baseUrl).post(`/api/reports/${code}/feedback`).send({ rating: 5, comment: 'Cepat.' }).expect(200);
    assert.equal(rated.body.feedback.rating, 5, 'the real reporter is not locked out');
  });

  it('the tracking code is in no public answer: nearby, the public view of a duplicate, the Ngopi page, summary, CSV and live socket', async () => {
    const original = await submit();
    const duplicate = await submit();
    await act(dpupr, duplicate.id, { type: 'duplicate', of: original.id }).expect(200);
    const view = await request(app.baseUrl).get(`/api/reports/${duplicate.code}`).expect(200);
    assert.equal(view.body.duplicateOf, original.id);
    assertNoCode(JSON.stringify(view.body), original.code, 'the duplicate\'s public view');
    assertNoCode((await request(app.baseUrl).get(`/lacak/${duplicate.code}`).expect(200)).text, original.code, 'the duplicate\'s tracking page');
    // The original's timeline names the merged report by public id, not by its reporter's code.
    const originalView = await request(app.baseUrl).get(`/api/reports/${original.code}`).expect(200);
    assertNoCode(JSON.stringify(originalView.body), duplicate.code, 'the original\'s timeline');

    const session = (await request(app.baseUrl).post('/api/ngopi').set('Cookie', kominfo.cookie).set('Origin', app.baseUrl).send({
      title: 'Ngopi Bareng Bupati di Cepu', startsAt: '2026-11-03T09:00', endsAt: '2026-11-03T12:00', mode: 'luring_daring',
      kecamatan: '33.16.05', desa: '33.16.05.2001', venue: 'Pendopo', link: 'https://meet.example.org/ngopi', topic: 'Pertanian', facilitator: 'Bu Rina',
    }).expect(201)).body.id as string;
    const socket: Socket<PublicServerToClient, PublicClientToServer> = connect(`${app.baseUrl}/public`, { transports: ['websocket'], reconnection: false, forceNew: true });
    const live: PublicAspiration[] = [];
    const arrived = new Promise<void>((resolve) => socket.on('ngopi:aspiration', (a) => { live.push(a); resolve(); }));
    try {
      await socket.emitWithAck('ngopi:join', { sessionId: session });
      const aspiration = await submit({
        category: 'aspirasi', description: 'Mohon bantuan bibit jagung untuk kelompok tani.', kecamatan: '33.16.05', desa: '33.16.05.2001',
        confidential: false, details: { topic: 'pertanian', session },
      });
      const entered = await request(app.baseUrl).post(`/api/ngopi/${session}/aspirations`).set('Cookie', kominfo.cookie).set('Origin', app.baseUrl)
        .send({ topic: 'infrastruktur', text: 'Jalan Cepu–Kedungtuban rusak parah.' }).expect(201);
      assert.match(entered.body.code, /^[2-9A-Z]{4}-/, 'the facilitator gets the speaker\'s code to hand over');
      await arrived;
      assert.equal(live[0].publicId, aspiration.id);

      const answers: [string, string][] = [
        ['the live socket', JSON.stringify(live)],
        ['the join answer', JSON.stringify(await socket.emitWithAck('ngopi:join', { sessionId: session }))],
        ['GET /api/ngopi/:id', (await request(app.baseUrl).get(`/api/ngopi/${session}`).expect(200)).text],
        ['the session page', (await request(app.baseUrl).get(`/ngopi/${session}`).expect(200)).text],
        ['the summary', (await request(app.baseUrl).get(`/api/ngopi/${session}/summary`).expect(200)).text],
        ['the summary page', (await request(app.baseUrl).get(`/ngopi/${session}/ringkasan`).expect(200)).text],
        ['the CSV', (await request(app.baseUrl).get(`/ngopi/${session}/ringkasan.csv`).expect(200)).text],
      ];
      for (const [where, text] of answers) {
        assert.ok(text.includes(aspiration.id), `${where} names the aspiration by its public id`);
        assertNoCode(text, aspiration.code, where);
        assertNoCode(text, entered.body.code, where);
      }
    } finally {
      socket.close();
    }
  });

  it('the desk finds a report by the whole code a citizen reads out, and never shows the code', async () => {
    const { id, code } = await submit(validReport({ description: 'Jembatan gantung di Desa Sambong miring.' }));
    await submit();
    for (const typed of [code, code.toLowerCase().replaceAll('-', ''), ` ${code.replaceAll('-', ' ')} `]) {
      const list = await request(app.baseUrl).get(`/api/desk/reports?q=${encodeURIComponent(typed)}`).set('Cookie', dpupr.cookie).expect(200);
      assert.deepEqual(list.body.items.map((i: { publicId: string }) => i.publicId), [id], `typed as "${typed}"`);
      assertNoCode(JSON.stringify(list.body), code, 'the desk list');
    }
    const byId = await request(app.baseUrl).get(`/api/desk/reports?q=${id.toLowerCase()}`).set('Cookie', dpupr.cookie).expect(200);
    assert.deepEqual(byId.body.items.map((i: { publicId: string }) => i.publicId), [id]);
    const detail = await request(app.baseUrl).get(`/api/desk/reports/${id}`).set('Cookie', dpupr.cookie).expect(200);
    assertNoCode(JSON.stringify(detail.body), code, 'the desk detail');
    assert.ok(!('codeHash' in detail.body) && !('codeSeal' in detail.body) && !('clientId' in detail.body));
    // Another agency's desk finds nothing by the same code.
    const satgas = await addAndLogin(app, 'pupuk1', 'officer', { agencyId: 'satgas-pupuk' });
    const foreign = await request(app.baseUrl).get(`/api/desk/reports?q=${encodeURIComponent(code)}`).set('Cookie', satgas.cookie).expect(200);
    assert.deepEqual(foreign.body.items, []);
  });
});
