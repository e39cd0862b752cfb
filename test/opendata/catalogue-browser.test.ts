// The /data catalogue in Debian's Chromium at 360 px, without JavaScript and with it: every
// dataset, its downloads and its data dictionary readable on a phone, no serious axe finding.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DATASETS } from '../../server/opendata/dictionary.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { seriousViolations } from '../web/axe.ts';
import { ARTIFACTS_DIR, MOBILE, buildClientOnce, launchChromium } from '../web/browser.ts';

describe('the open-data catalogue page in a browser', function () {
  this.timeout(120_000);
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

  it('without JavaScript, lists every dataset with its downloads and dictionary', async () => {
    const context = await browser.newContext({ ...MOBILE, baseURL: app.baseUrl, javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto('/data');
    assert.equal(await p.locator('section.dataset').count(), DATASETS.length);
    for (const d of DATASETS) {
      assert.equal(await p.locator(`#${d.id} table tbody tr`).count(), d.columns.length, d.id);
      for (const f of d.formats) assert.equal(await p.locator(`#${d.id} a[href="/data/${d.id}.${f}"]`).count(), 1);
    }
    assert.equal(await p.locator('a[rel="license"]').getAttribute('href'), 'https://creativecommons.org/licenses/by/4.0/');
    await context.close();
  });

  it('at 360 px with JavaScript: no sideways scrolling of the page and no serious accessibility finding', async () => {
    const context = await browser.newContext({ ...MOBILE, baseURL: app.baseUrl });
    const p = await context.newPage();
    await p.goto('/data');
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
    await p.screenshot({ path: join(ARTIFACTS_DIR, 'data-360.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(p), []);
    await context.close();
  });
});
