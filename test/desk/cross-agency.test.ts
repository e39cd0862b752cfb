// Leaks and cross-agency writes, tried as an officer of another agency would.
import assert from 'node:assert/strict';
import request from 'supertest';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukReport, validReport } from '../reports/report-bodies.ts';

// Tuesday 3 November 2026, 10:00 WIB; the Ngopi session runs 09:00–12:00 WIB.
const NOW = Date.parse('2026-11-03T03:00:00Z');

describe('no reading or writing across agencies through the side doors', () => {
  let app: RunningApp;
  let kominfo: Person;
  let satgas: Person;
  let dpupr: Person;
  let camat: Person;
  let executive: Person;

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { clock: () => new Date(NOW) });
    kominfo = await addAndLogin(app, 'kominfo1', 'officer', { agencyId: 'dinkominfo' });
    satgas = await addAndLogin(app, 'pupuk1', 'officer', { agencyId: 'satgas-pupuk' });
    dpupr = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    camat = await addAndLogin(app, 'camat-cepu', 'camat', { kecamatan: '33.16.05' });
    executive = await addAndLogin(app, 'bupati', 'executive');
  });
  after(() => app.close());

  it('the facilitator entry page of a Ngopi session, with speakers\' names, opens only for the roles its API allows', async () => {
    const session = (await request(app.baseUrl).post('/api/ngopi').set('Cookie', kominfo.cookie).set('Origin', app.baseUrl).send({
      title: 'Ngopi Bareng Bupati di Cepu', startsAt: '2026-11-03T09:00', endsAt: '2026-11-03T12:00', mode: 'luring',
      kecamatan: '33.16.05', desa: '33.16.05.2001', venue: 'Pendopo', topic: 'Pertanian', facilitator: 'Bu Rina',
    }).expect(201)).body.id as string;
    await request(app.baseUrl).post(`/api/ngopi/${session}/aspirations`).set('Cookie', kominfo.cookie).set('Origin', app.baseUrl)
      .send({ topic: 'infrastruktur', text: 'Jalan desa rusak sejak musim hujan.', speakerName: 'Pak Darmo', consent: true }).expect(201);

    for (const person of [satgas, dpupr, camat]) {
      const page = await request(app.baseUrl).get(`/desk/ngopi/${session}`).set('Cookie', person.cookie);
      assert.equal(page.status, 403, `${person.user.username} opened the entry page`);
      assert.ok(!page.text.includes('Pak Darmo'), `${person.user.username} read a speaker's name`);
      // …the same answer as the API beside it.
      const api = await request(app.baseUrl).post(`/api/ngopi/${session}/aspirations`).set('Cookie', person.cookie).set('Origin', app.baseUrl)
        .send({ topic: 'umum', text: 'Coba masuk lewat API.' });
      assert.equal(api.status, 403);
    }
    await request(app.baseUrl).get(`/desk/ngopi/${session}`).expect(401);
    for (const person of [kominfo, executive]) {
      const page = await request(app.baseUrl).get(`/desk/ngopi/${session}`).set('Cookie', person.cookie).expect(200);
      assert.ok(page.text.includes('Pak Darmo'));
    }
  });

  it('Satgas Pupuk cannot mark its report a duplicate of a DPUPR report: the same 422 as an unknown one, and nothing is written', async () => {
    const own = (await request(app.baseUrl).post('/api/reports').send(pupukReport()).expect(201)).body.publicId as string;
    const foreign = (await request(app.baseUrl).post('/api/reports').send(validReport({ confidential: false })).expect(201)).body.publicId as string;
    const before = { own: await app.deps.store.getReport(own), foreign: await app.deps.store.getReport(foreign) };
    const eventsBefore = { own: (await app.deps.store.eventsOfReport(own)).length, foreign: (await app.deps.store.eventsOfReport(foreign)).length };

    const res = await request(app.baseUrl).post(`/api/desk/reports/${own}/actions`).set('Cookie', satgas.cookie).set('Origin', app.baseUrl)
      .send({ type: 'duplicate', of: foreign }).expect(422);
    const unknown = await request(app.baseUrl).post(`/api/desk/reports/${own}/actions`).set('Cookie', satgas.cookie).set('Origin', app.baseUrl)
      .send({ type: 'duplicate', of: 'ZZZZZZZZ' }).expect(422);

    assert.deepEqual(res.body, unknown.body, 'another agency\'s report looks exactly like one that does not exist');
    assert.equal(res.body.error.fields.of, 'Nomor laporan asal tidak ditemukan, tidak bisa Anda lihat, atau sama dengan laporan ini.');
    assert.deepEqual(await app.deps.store.getReport(own), before.own);
    assert.deepEqual(await app.deps.store.getReport(foreign), before.foreign, 'no support was written into the DPUPR report');
    assert.equal((await app.deps.store.eventsOfReport(own)).length, eventsBefore.own);
    assert.equal((await app.deps.store.eventsOfReport(foreign)).length, eventsBefore.foreign);
  });

  it('an officer still merges two reports of their own agency', async () => {
    const a = (await request(app.baseUrl).post('/api/reports').send(validReport({ confidential: false })).expect(201)).body.publicId as string;
    const b = (await request(app.baseUrl).post('/api/reports').send(validReport({ confidential: false })).expect(201)).body.publicId as string;
    const merged = await request(app.baseUrl).post(`/api/desk/reports/${b}/actions`).set('Cookie', dpupr.cookie).set('Origin', app.baseUrl)
      .send({ type: 'duplicate', of: a }).expect(200);
    assert.equal(merged.body.report.duplicateOf, a);
  });
});
