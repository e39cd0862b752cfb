// The desk in a browser shows what the reporter was told (issue 15): a failed WhatsApp message
// with its reason, sent again with "Kirim ulang"; never the reporter's number.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { FakeGraphApi } from '../../server/channels/whatsapp/fake-graph-api.ts';
import { startWithChannels } from '../channels/whatsapp-helpers.ts';
import { addUser, login, deskAction, PASSWORD } from '../helpers/desk.ts';
import type { RunningApp } from '../helpers/start-app.ts';
import { reporterOn } from '../notify/helpers.ts';
import { buildClientOnce, launchChromium } from './browser.ts';

describe('the desk shows the messages to the reporter, in a browser', function () {
  this.timeout(180_000);
  let app: RunningApp;
  let fake: FakeGraphApi;
  let browser: Browser;

  before(async () => {
    await buildClientOnce();
    let started: { app: RunningApp; fake: FakeGraphApi };
    [started, browser] = await Promise.all([
      startWithChannels({ env: { MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png', NOTIFY_BACKOFF_SECONDS: '0', NOTIFY_MAX_ATTEMPTS: '1', WHATSAPP_TEMPLATE_STATUS: 'status_laporan', PUBLIC_URL: '' } }),
      launchChromium(),
    ]);
    ({ app, fake } = started);
    await addUser(app, 'jalan-kabar', 'officer', { agencyId: 'dpupr' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto('/desk');
    await page.fill('#login-username', 'jalan-kabar');
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#conn-status[data-status=connected]');
  }

  it('when the first message failed, the officer sees "Gagal" and why, sends it again, and then sees "Terkirim"', async () => {
    const reporter = await reporterOn(app, fake, 'web', new Date());
    fake.failNext = 1;
    await deskAction(app, await login(app, 'jalan-kabar'), reporter.publicId, { type: 'verify' }).expect(200);
    await app.channels.notifier!.drained();

    const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    const page = await context.newPage();
    await signIn(page);
    const row = `#queue-list button[data-id="${reporter.publicId}"]`;
    await page.click(row);
    await page.waitForSelector('#detail-notifications li.status-failed');
    const section = (await page.textContent('#detail-notifications')) ?? '';
    assert.match(section, /Kabar ke pelapor/);
    assert.match(section, /Diverifikasi · WhatsApp · Gagal/);
    assert.match(section, /WhatsApp menolak pesan \(HTTP 503\)/);
    assert.ok(!(await page.textContent('body'))!.includes(reporter.phone.slice(2)), 'the number appears nowhere on the desk');

    await page.click('#detail-notifications button[data-retry]');
    await page.waitForSelector('#detail-notifications .desk-ok:text("Kabar dijadwalkan kirim ulang.")');
    await app.channels.notifier!.drained();
    await page.click(row);
    await page.waitForSelector('#detail-notifications li.status-sent');
    assert.match((await page.textContent('#detail-notifications')) ?? '', /Terkirim/);
    await context.close();
  });
});
