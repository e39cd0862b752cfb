// The Bupati's map (/peta) in Debian's Chromium: counts per kecamatan, live updates from the
// desk socket, filters kept in the URL, and an officer's narrower view. Tiles are blocked, as
// on the servers here: everything must work on the plain background. Screenshots land in
// test-artifacts/ for a human to look at.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { reportBody, seed } from '../helpers/map.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { seriousViolations } from './axe.ts';
import { ARTIFACTS_DIR, buildClientOnce, launchChromium } from './browser.ts';

const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' };

async function totals(page: Page): Promise<Record<string, number>> {
  return page.$$eval('.kec-marker', (els) => Object.fromEntries(els
    .map((el) => [(el as HTMLElement).dataset.code!, Number((el as HTMLElement).dataset.total)] as const)
    .filter(([, n]) => n > 0)));
}

async function waitForTotals(page: Page, expected: Record<string, number>): Promise<void> {
  await page.waitForFunction((want) => {
    const got: Record<string, number> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.kec-marker')) {
      const n = Number(el.dataset.total);
      if (n > 0) got[el.dataset.code!] = n;
    }
    return JSON.stringify(Object.entries(got).sort()) === JSON.stringify(Object.entries(want).sort());
  }, expected).catch(async (err: unknown) => {
    throw new Error(`counts ${JSON.stringify(await totals(page))}, expected ${JSON.stringify(expected)}: ${String(err)}`);
  });
}

describe('the map (/peta) in a browser', function () {
  this.timeout(90_000);
  let app: RunningApp;
  let browser: Browser;
  let executivePage: Page;
  let cepuPin: string;
  const contexts: BrowserContext[] = [];

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ ...DESKTOP, baseURL: app.baseUrl });
    // No tile server is reachable here; block them outright so nothing waits on them.
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    contexts.push(context);
    return context;
  }

  async function logIn(page: Page, username: string): Promise<void> {
    await page.goto('/peta');
    await page.waitForSelector('#login[open]');
    await page.fill('#l-username', username);
    await page.fill('#l-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.kec-marker').length === 16 && Number(document.body.dataset.loaded) >= 1);
  }

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    await addUser(app, 'bupati', 'executive');
    await addUser(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    await seed(app, { kecamatan: '33.16.05' });
    cepuPin = await seed(app, { kecamatan: '33.16.05', lat: -7.1628, lng: 111.5665, description: 'Jembatan <i>Cepu</i> retak di tengah, truk masih lewat setiap hari.' });
    await seed(app, { kecamatan: '33.16.05', category: 'pupuk', pupuk: { kioskName: 'Kios <b>Makmur</b>' } });
    await seed(app, { kecamatan: '33.16.09', lat: -6.9565, lng: 111.4343, description: '<img src=x onerror="window.__xss=1"> jalan rusak parah' });
    await seed(app, { kecamatan: '33.16.09', category: 'kesehatan' });
    await seed(app, { kecamatan: '33.16.12', category: 'pupuk' });
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('an executive logs in and sees all 16 kecamatan with the seeded counts, on a plain background', async () => {
    executivePage = await (await newContext()).newPage();
    await logIn(executivePage, 'bupati');
    assert.deepEqual(await totals(executivePage), { '33.16.05': 3, '33.16.09': 2, '33.16.12': 1 });
    assert.equal(await executivePage.textContent('.kec-marker[data-code="33.16.05"] .kec-name'), 'Cepu');
    assert.equal(await executivePage.textContent('.kec-marker[data-code="33.16.05"] .kec-count'), '3');
    await executivePage.waitForSelector('#agency-stats tr[data-agency="dpupr"]');
    await executivePage.waitForSelector('#pupuk-stats .kiosks');
    assert.match((await executivePage.textContent('#pupuk-stats .kiosks'))!, /Kios <b>Makmur<\/b>/, 'a kiosk name is text, not markup');

    await executivePage.click('.kec-marker[data-code="33.16.09"]');
    await executivePage.waitForSelector('#kecamatan-detail .reports li');
    assert.equal(await executivePage.textContent('#detail-total'), '2');
    assert.equal(await executivePage.locator('#kecamatan-detail .reports li').count(), 2);
    assert.equal(await executivePage.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'a description is never markup');
    await executivePage.screenshot({ path: join(ARTIFACTS_DIR, 'peta-1280.png') });
  });

  it('the map with a kecamatan open has no serious or critical axe-core findings', async () => {
    assert.deepEqual(await seriousViolations(executivePage), []);
  });

  it('a report submitted elsewhere raises its kecamatan count without a reload, and is highlighted', async () => {
    await executivePage.evaluate(() => {
      const w = window as unknown as { __sameDocument: boolean; __flashed: string[] };
      w.__sameDocument = true;
      // The highlight lasts a few seconds only; record it when it happens instead of racing the clock.
      w.__flashed = [];
      new MutationObserver((changes) => {
        for (const c of changes) {
          const el = c.target as HTMLElement;
          if (el.classList.contains('kec-marker') && el.classList.contains('flash')) w.__flashed.push(el.dataset.code ?? '');
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    const citizen = await (await newContext()).newPage();
    const res = await citizen.request.post('/api/reports', { data: reportBody({ kecamatan: '33.16.12', category: 'pupuk' }) });
    assert.equal(res.status(), 201);
    await waitForTotals(executivePage, { '33.16.05': 3, '33.16.09': 2, '33.16.12': 2 });
    await executivePage.waitForFunction(() => (window as unknown as { __flashed: string[] }).__flashed.includes('33.16.12'));
    assert.equal(await executivePage.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'no reload happened');
    assert.match(await executivePage.textContent('#live') ?? '', /Langsung/);
  });

  it('a filter change changes the counts and the URL; reloading that URL restores the filter', async () => {
    await executivePage.selectOption('#f-category', 'pupuk');
    await executivePage.waitForURL(/\/peta\?category=pupuk$/);
    await waitForTotals(executivePage, { '33.16.05': 1, '33.16.12': 2 });
    await executivePage.check('#f-overdue');
    await executivePage.waitForURL(/\/peta\?category=pupuk&overdue=1$/);
    await waitForTotals(executivePage, {});
    await executivePage.uncheck('#f-overdue');
    await executivePage.waitForURL(/\/peta\?category=pupuk$/);
    await waitForTotals(executivePage, { '33.16.05': 1, '33.16.12': 2 });
    await executivePage.screenshot({ path: join(ARTIFACTS_DIR, 'peta-filter-pupuk.png') });

    await executivePage.reload();
    await executivePage.waitForFunction(() => Number(document.body.dataset.loaded) >= 1);
    assert.equal(await executivePage.inputValue('#f-category'), 'pupuk');
    await waitForTotals(executivePage, { '33.16.05': 1, '33.16.12': 2 });

  });

  it('zoomed into a kecamatan, its reports with a GPS point become pins whose popup gives the code, the place and the excerpt as text', async () => {
    const page = await (await newContext()).newPage();
    await logIn(page, 'bupati');
    await page.click('.kec-marker[data-code="33.16.05"]');
    await page.click('#detail-zoom');
    await page.waitForSelector(`.pin[data-id="${cepuPin}"]`);
    assert.equal(await page.locator('.pin').count(), 1, 'only the located report in view; the two without a point are not pinned');
    assert.equal(await page.locator('.kec-marker').count(), 0, 'the rings give way to the pins');
    await page.click(`.pin[data-id="${cepuPin}"]`);
    await page.waitForSelector('.leaflet-popup-content .pin-more:not(:has-text("Memuat"))');
    const popup = (await page.textContent('.leaflet-popup-content')) ?? '';
    assert.match(popup, new RegExp(`Jalan.*${cepuPin}.*Cepu`));
    assert.match(popup, /Jembatan <i>Cepu<\/i> retak/, 'the excerpt is text, not markup');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'peta-pins.png') });
  });

  it('an officer sees only their own agency’s reports, with the agency filter fixed to it', async () => {
    const page = await (await newContext()).newPage();
    await logIn(page, 'petugas.pu');
    await waitForTotals(page, { '33.16.05': 2, '33.16.09': 1 });
    assert.equal(await page.inputValue('#f-agency'), 'dpupr');
    assert.equal(await page.isDisabled('#f-agency'), true);
    await page.waitForSelector('#agency-stats tr[data-agency]');
    assert.deepEqual(await page.$$eval('#agency-stats tr[data-agency]', (rows) => rows.map((r) => (r as HTMLElement).dataset.agency)), ['dpupr']);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'peta-officer.png') });
  });
});
