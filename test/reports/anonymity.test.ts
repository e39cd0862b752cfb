// One anonymity rule for every channel (shared/anonymity.ts), tried through the JSON API and
// the plain web form: an anonymous report keeps the reporter's contact only when they asked to be
// told of progress, and then no desk role sees it, admin included.
import assert from 'node:assert/strict';
import request from 'supertest';
import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import type { Report } from '../../shared/types.ts';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

const NAME = 'Siti Rahayu';
const PHONE = '0813-9999-1234';

describe('the anonymity rule', () => {
  let app: RunningApp;
  let desk: Person[];

  before(async () => {
    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' });
    desk = [
      await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' }),
      await addAndLogin(app, 'pu-admin', 'agency_admin', { agencyId: 'dpupr' }),
      await addAndLogin(app, 'camat-cepu', 'camat', { kecamatan: '33.16.05' }),
      await addAndLogin(app, 'bupati', 'executive'),
      await addAndLogin(app, 'admin2', 'admin'),
    ];
  });
  after(() => app.close());

  /** Through the JSON API or the no-JavaScript form; returns the stored report. */
  const channels: [string, (fields: Record<string, string>) => Promise<Report>][] = [
    ['the JSON API', async (fields) => {
      const body = { ...validReport({ confidential: false }), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])) };
      const res = await request(app.baseUrl).post('/api/reports').send(body).expect(201);
      return (await app.deps.store.getReport(res.body.publicId))!;
    }],
    ['the web form', async (fields) => {
      const form = { description: 'Jalan desa berlubang dan tergenang saat hujan.', kecamatan: '33.16.05', desa: '33.16.05.2001', 'details[damageType]': 'berlubang', 'details[severity]': '2', anonymous: 'false', notifyConsent: 'false', confidential: 'false', ...fields };
      const res = await request(app.baseUrl).post('/lapor/jalan').type('form').send(form).expect(303);
      const code = /\/terkirim\/(.+)$/.exec(res.headers.location)![1];
      return (await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))!;
    }],
  ];

  const deskShows = async (report: Report) => {
    const seen: string[] = [];
    for (const person of desk) {
      const view = await request(app.baseUrl).get(`/api/desk/reports/${report.publicId}`).set('Cookie', person.cookie).expect(200);
      const list = await request(app.baseUrl).get(`/api/desk/reports?q=${report.publicId}`).set('Cookie', person.cookie).expect(200);
      const text = JSON.stringify(view.body) + JSON.stringify(list.body);
      if (text.includes('Siti') || text.includes('9999')) seen.push(person.user.role);
    }
    return seen;
  };

  for (const [channel, submit] of channels) {
    it(`through ${channel}, an anonymous report without "Kabari perkembangan" keeps no name and no phone`, async () => {
      const report = await submit({ name: NAME, phone: PHONE, anonymous: 'true' });
      assert.equal(report.anonymous, true);
      assert.equal(report.reporterName, null);
      assert.equal(report.reporterPhone, null);
      assert.equal(report.notifyConsent, undefined);
      assert.deepEqual(await deskShows(report), []);
    });

    it(`through ${channel}, an anonymous report that asks for progress keeps the contact for the notifier, and no desk role sees it, admin included`, async () => {
      const report = await submit({ name: NAME, phone: PHONE, anonymous: 'true', notifyConsent: 'true' });
      assert.equal(report.reporterName, NAME);
      assert.equal(report.reporterPhone, '+6281399991234');
      assert.equal(report.notifyConsent, true);
      assert.deepEqual(await deskShows(report), []);
    });

    it(`through ${channel}, a named report keeps its contact for the desk that handles it`, async () => {
      const report = await submit({ name: NAME, phone: PHONE });
      assert.equal(report.reporterName, NAME);
      assert.deepEqual(await deskShows(report), ['officer', 'agency_admin', 'camat', 'executive', 'admin']);
    });
  }

  it('refuses "Kabari perkembangan" without a phone with 422 naming phone, in Indonesian, and stores nothing', async () => {
    const before = (await app.deps.store.listReports({ limit: 1000 })).items.length;
    const { phone: _phone, ...withoutPhone } = validReport({ anonymous: true, notifyConsent: true });
    const res = await request(app.baseUrl).post('/api/reports').send(withoutPhone).expect(422);
    assert.equal(res.body.error.fields.phone, 'Isi nomor HP (WhatsApp) agar kami bisa mengabari perkembangan laporan.');
    assert.equal((await app.deps.store.listReports({ limit: 1000 })).items.length, before);
  });

  it('the form offers "Kabari perkembangan lewat WhatsApp", off by default', async () => {
    const page = await request(app.baseUrl).get('/lapor/jalan').expect(200);
    assert.match(page.text, /<input type="checkbox" id="f-notifyConsent" name="notifyConsent" value="true" aria-describedby/);
    assert.match(page.text, /Kabari perkembangan lewat WhatsApp/);
  });
});
