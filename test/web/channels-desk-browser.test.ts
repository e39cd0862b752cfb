// A one-line SMS report on the desk in a real Chromium: where it came in, "rincian belum diisi",
// and the agency completing the details with the desk's own form.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { codeIn, SMS_SECRET } from '../channels/whatsapp-helpers.ts';
import { buildClientOnce, launchChromium } from './browser.ts';

describe('a one-line SMS report on the desk, in a browser', function () {
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp({ SMS_SYNC_SECRET: SMS_SECRET, MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), launchChromium()]);
    await addUser(app, 'jalan-sms', 'officer', { agencyId: 'dpupr' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the channel and "rincian belum diisi", and the officer completes damage and severity with the form', async () => {
    const res = await fetch(`${app.baseUrl}/webhooks/sms`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ secret: SMS_SECRET, from: '+6281234579999', message: 'LAPOR#JALAN#CEPU#BALUN#Jalan berlubang besar di depan SD', message_id: randomUUID() }),
    });
    const reply = (await res.json()) as { payload: { messages: { message: string }[] } };
    const report = await app.deps.store.getReportByCodeHash(hashTrackingCode(codeIn(reply.payload.messages[0].message)));
    assert.ok(report);

    const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'id-ID', viewport: { width: 1280, height: 800 } });
    try {
      const desk = await context.newPage();
      await desk.goto('/desk');
      await desk.fill('#login-username', 'jalan-sms');
      await desk.fill('#login-password', PASSWORD);
      await desk.click('#login-form button[type=submit]');
      await desk.click(`#queue-list button[data-id="${report.publicId}"]`);
      await desk.waitForSelector(`#detail-code:text("${report.publicId}")`);
      assert.match(await desk.textContent('#detail-facts') ?? '', /Masuk lewatSMS/);
      assert.match(await desk.textContent('#details-not-given') ?? '', /Rincian belum diisi/);

      await desk.click('#detail-actions button[data-action=complete_details]');
      await desk.selectOption('select[name="details.damageType"]', 'berlubang');
      await desk.selectOption('select[name="details.severity"]', '3');
      await desk.click('form[data-action=complete_details] button[type=submit]');
      await desk.waitForSelector('#detail-notice:text("Lengkapi rincian")');
      assert.equal(await desk.$('#details-not-given'), null);
      assert.match(await desk.textContent('#detail-timeline') ?? '', /Rincian dilengkapi petugas\./);
      assert.equal(await desk.$('#detail-actions button[data-action=complete_details]'), null);
      const stored = await app.deps.store.getReport(report.publicId);
      assert.deepEqual(stored?.details, { damageType: 'berlubang', severity: 3 });
    } finally {
      await context.close();
    }
  });
});
