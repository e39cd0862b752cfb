// Ngopi Bareng in real Chromium: the facilitator enters aspirations on the desk page while a
// citizen's phone on /ngopi/:id sees them appear live, then the summary shows them with status.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { statusLabel } from '../../server/reports/presenter.ts';
import { addAndLogin } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { ARTIFACTS_DIR, MOBILE, buildClientOnce, launchChromium } from './browser.ts';

describe('Ngopi Bareng in a browser', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp({ OVERDUE_SWEEP_SECONDS: '0' }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a facilitator enters three aspirations; a phone on /ngopi/:id sees them live; the summary shows them with their statuses', async () => {
    const kominfo = await addAndLogin(app, 'kominfo1', 'officer', { agencyId: 'dinkominfo' });
    const start = new Date(Date.now() - 10 * 60_000).toISOString();
    const end = new Date(Date.now() + 2 * 3600_000).toISOString();
    const session = await request(app.baseUrl).post('/api/ngopi').set('Cookie', kominfo.cookie).set('Origin', app.baseUrl).send({
      title: 'Ngopi Bareng Bupati di Cepu', startsAt: start, endsAt: end, mode: 'luring_daring', kecamatan: '33.16.05', desa: '33.16.05.2001',
      venue: 'Pendopo', link: 'https://meet.example.org/ngopi', topic: 'Pertanian dan jalan', facilitator: 'Bu Rina',
    }).expect(201);
    const id: string = session.body.id;

    const phone = await browser.newContext({ ...MOBILE, baseURL: app.baseUrl });
    const watcher = await phone.newPage();
    await watcher.goto(`/ngopi/${id}`);
    await watcher.waitForSelector('#live[data-live="on"]');

    const desk = await browser.newContext({ baseURL: app.baseUrl });
    const [name, value] = kominfo.cookie.split('=');
    await desk.addCookies([{ name, value, url: app.baseUrl }]);
    const facilitator = await desk.newPage();
    await facilitator.goto(`/desk/ngopi/${id}`);
    const aspirations = [
      { topic: 'infrastruktur', text: 'Jalan Cepu–Kedungtuban rusak parah sejak musim hujan.' },
      { topic: 'kesehatan', text: 'Puskesmas pembantu di Gadon sering tutup siang hari.' },
      { topic: 'pertanian', text: 'Pupuk bersubsidi <b>sering</b> kosong saat musim tanam.' },
    ];
    const codes: string[] = [];
    for (const a of aspirations) {
      await facilitator.selectOption('#e-topic', a.topic);
      await facilitator.fill('#e-text', a.text);
      // The previous entry's notice is still on the page until the post/redirect/get lands: wait for
      // the new document, then for its notice.
      await Promise.all([facilitator.waitForEvent('load'), facilitator.click('#entry-form button[type=submit]')]);
      await facilitator.waitForSelector('#entry-saved');
      codes.push((await facilitator.getAttribute('#entered tbody tr:last-child', 'data-id'))!);
    }
    assert.equal(new Set(codes).size, 3);
    await facilitator.screenshot({ path: join(ARTIFACTS_DIR, 'ngopi-facilitator.png'), fullPage: true });

    await watcher.waitForFunction(() => document.querySelectorAll('#live-list li').length === 3);
    const shown = await watcher.$$eval('#live-list li p', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(shown, aspirations.map((a) => a.text), 'live, in order, markup shown as text');
    await watcher.screenshot({ path: join(ARTIFACTS_DIR, 'ngopi-live-360.png'), fullPage: true });

    // An officer of DPUPR starts on the road one; the summary shows each status.
    const dpupr = await addAndLogin(app, 'pu1', 'officer', { agencyId: 'dpupr' });
    await request(app.baseUrl).post(`/api/desk/reports/${codes[0]}/actions`).set('Cookie', dpupr.cookie).set('Origin', app.baseUrl).send({ type: 'start' }).expect(200);
    await watcher.waitForFunction(([code, label]) => document.querySelector(`#live-list li[data-id="${code}"] .status`)?.textContent === label, [codes[0], statusLabel('in_progress')]);

    await watcher.goto(`/ngopi/${id}/ringkasan`);
    const rows = await watcher.$$eval('#summary-rows tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.querySelector('.status')?.textContent]));
    assert.deepEqual(rows, [[codes[0], statusLabel('in_progress')], [codes[1], statusLabel('new')], [codes[2], statusLabel('new')]]);
    await watcher.screenshot({ path: join(ARTIFACTS_DIR, 'ngopi-ringkasan-360.png'), fullPage: true });
    await phone.close();
    await desk.close();
  });
});
