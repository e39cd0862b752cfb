// "Sudah ada laporan serupa — dukung saja?" in a phone-sized Chromium: while filling /lapor/jalan,
// an open public report of the same desa is suggested with a link to its tracking page.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { MOBILE, buildClientOnce, launchChromium } from './browser.ts';

describe('similar reports nearby on the citizen form', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('suggests the open jalan report of the chosen desa, and hides the panel for a desa without one', async () => {
    const res = await request(app.baseUrl).post('/api/reports').send(validReport({ kecamatan: '33.16.05', desa: '33.16.05.2001' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const publicId = res.body.publicId as string;

    const context = await browser.newContext({ ...MOBILE, baseURL: app.baseUrl });
    const page = await context.newPage();
    await page.goto('/lapor/jalan');
    assert.equal(await page.isHidden('#nearby'), true, 'nothing to suggest before a desa is chosen');
    await page.selectOption('#f-kecamatan', '33.16.05');
    await page.selectOption('#f-desa', '33.16.05.2001');

    const link = page.locator(`#nearby a[href="/laporan/${publicId}"]`);
    await link.waitFor({ state: 'visible' });
    assert.match(await page.textContent('#nearby') ?? '', /Sudah ada laporan serupa — dukung saja\?/);
    assert.match(await page.textContent('#nearby li') ?? '', /Jalan desa berlubang/);
    assert.match(await page.textContent('#nearby li') ?? '', /0 warga mendukung/);
    assert.equal(await page.getAttribute('#nearby', 'aria-live'), 'polite');

    await page.selectOption('#f-desa', '33.16.05.1011');
    await page.locator('#nearby').waitFor({ state: 'hidden' });
    assert.equal(await page.isEnabled('button[type=submit]'), true, 'sending is never blocked');
    await context.close();
  });
});
