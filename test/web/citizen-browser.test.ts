// The citizen web in a real phone-sized Chromium: submit with and without JavaScript, offline
// outbox, validation, HET hint. Screenshots land in test-artifacts/ for a human to look at.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { jpegWithGps } from '../helpers/fixtures.ts';
import { placeOfPoint } from '../../server/places/places.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { WEIGHT_BUDGET_BYTES, weigh } from '../../bench/web-weight.ts';
import { ARTIFACTS_DIR, MOBILE, buildClientOnce, fillPupuk, launchChromium, launchPersistent } from './browser.ts';
import { hashClientId, hashTrackingCode } from '../../server/reports/tracking-code.ts';

const PHOTO = { name: 'sawah.jpg', mimeType: 'image/jpeg' };

async function reportCount(app: RunningApp): Promise<number> {
  return (await app.deps.store.listReports({ limit: 1000 })).items.length;
}

describe('citizen web in a phone browser', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let browser: Browser;
  let bigPhoto: Buffer;

  before(async () => {
    await buildClientOnce();
    // A tile server nobody answers: the map must still open and take a pin.
    [app, browser, bigPhoto] = await Promise.all([startApp({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), launchChromium(), jpegWithGps(3000, 2000)]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...MOBILE, ...options, baseURL: app.baseUrl });
    return { context, page: await context.newPage() };
  }

  it('when a farmer reports overpriced urea with a photo, the HET hint is right and the receipt code opens its tracking page', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'home-360.png'), fullPage: true });
    await page.click('a[href="/lapor/pupuk"]');
    await page.waitForURL('**/lapor/pupuk');
    await fillPupuk(page);
    await page.setInputFiles('#f-photos', { ...PHOTO, buffer: bigPhoto });
    await page.waitForSelector('#thumbs img');
    assert.equal(await page.textContent('#het-hint'), 'Rp 2.500/kg — Rp 700 di atas HET (Rp 1.800/kg)');
    assert.equal(await page.isChecked('#f-confidential'), true, 'pupuk reports are confidential by default');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'lapor-pupuk-360.png'), fullPage: true });

    // The server shrinks photos too, so the bytes it receives are what show the browser did it.
    const received: Buffer[] = [];
    const processor = app.deps.photoProcessor;
    const process = processor.process.bind(processor);
    processor.process = async (bytes, field) => { received.push(bytes); return process(bytes, field); };
    await page.click('button[type=submit]');

    await page.waitForURL(/\/terkirim\//);
    processor.process = process;
    const meta = await sharp(received[0]).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(Math.max(meta.width!, meta.height!), 1600, 'the photo is shrunk in the browser before upload');
    const code = (await page.textContent('#tracking-code'))!.trim();
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const publicId = (await page.textContent('#public-id strong'))!.trim();
    const share = (await page.getAttribute('#wa-link', 'href'))!;
    assert.match(share, new RegExp(`^https://wa\\.me/\\?text=.*laporan%2F${publicId}`), 'the share link names the public page');
    assert.ok(!share.includes(code) && !share.includes(code.replaceAll('-', '')), 'the tracking code is never shared');
    assert.match(await page.textContent('main') ?? '', /3 hari kerja/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'receipt-360.png'), fullPage: true });

    const report = await app.deps.store.getReportByCodeHash(hashTrackingCode(code));
    assert.equal(report?.photos.length, 1);
    assert.equal(report?.confidential, true);
    await page.goto(`/lacak/${code}`);
    assert.equal((await page.textContent('#tracking-code'))?.trim(), code);
    assert.match(await page.textContent('main') ?? '', /Baru/);
    assert.equal(await page.evaluate(() => localStorage.getItem('draft:pupuk')), null, 'the draft is cleared once sent');
    await page.goto('/');
    assert.match(await page.textContent('#my-reports') ?? '', new RegExp(code), 'the home page keeps the codes sent from this phone');
    await context.close();
  });

  it('with JavaScript off, the same report is posted as a plain form and the receipt code resolves', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto('/lapor/pupuk');
    await fillPupuk(page);
    await page.setInputFiles('#f-photos', { ...PHOTO, buffer: await jpegWithGps() });
    await Promise.all([page.waitForURL(/\/terkirim\//), page.click('button[type=submit]')]);
    const code = (await page.textContent('#tracking-code'))!.trim();
    assert.equal((await app.deps.store.getReportByCodeHash(hashTrackingCode(code)))?.photos.length, 1);
    const res = await page.goto(`/lacak/${code}`);
    assert.equal(res?.status(), 200);
    assert.equal((await page.textContent('#tracking-code'))?.trim(), code);
    await context.close();
  });

  it('when the network is cut, the report waits in the outbox (even across a reload) and is sent exactly once when the network returns', async () => {
    const { context, page } = await newPage();
    await page.goto('/lapor/pupuk');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await fillPupuk(page, 'Stok urea kosong sejak dua minggu, kios minta beli paket.');
    await page.setInputFiles('#f-photos', { ...PHOTO, buffer: await jpegWithGps() });
    await page.waitForSelector('#thumbs img');
    const clientId = await page.inputValue('input[name=clientId]');
    const before = await reportCount(app);

    await context.setOffline(true);
    await page.click('button[type=submit]');
    await page.waitForSelector('#send-status:has-text("Menunggu sinyal")');
    assert.equal(await reportCount(app), before);

    // The citizen closes and reopens the page without signal: the service worker serves it,
    // the draft is restored, and the outbox is still there.
    await page.reload();
    await page.waitForSelector('#thumbs img');
    assert.equal(await page.inputValue('input[name=clientId]'), clientId);
    assert.equal(await page.inputValue('#f-details-kioskName'), 'Kios Tani Makmur');

    await page.waitForSelector('#send-status:has-text("Menunggu sinyal")');
    assert.equal(await reportCount(app), before, 'nothing reached the server while offline');
    await context.setOffline(false);
    await page.waitForURL(/\/terkirim\//, { timeout: 20_000 });
    const code = (await page.textContent('#tracking-code'))!.trim();
    const stored = await app.deps.store.getReportByClientId(hashClientId(clientId));
    assert.equal(stored?.codeHash, hashTrackingCode(code));
    assert.equal(stored?.photos.length, 1, 'the photo came through the outbox');
    assert.equal(await reportCount(app), before + 1, 'created exactly once');
    await context.close();
  });

  it('when the browser is closed while a report waits for signal, reopening it sends the report', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'suara-warga-profile-'));
    try {
      let context = await launchPersistent(profile, app.baseUrl);
      let page = context.pages()[0] ?? await context.newPage();
      await page.goto('/lapor/pupuk');
      await fillPupuk(page, 'Kios menjual NPK dipaketkan dengan obat.');
      const clientId = await page.inputValue('input[name=clientId]');
      await context.setOffline(true);
      await page.click('button[type=submit]');
      await page.waitForSelector('#send-status:has-text("Menunggu sinyal")');
      await context.close();
      assert.equal(await app.deps.store.getReportByClientId(hashClientId(clientId)), null);

      context = await launchPersistent(profile, app.baseUrl);
      page = context.pages()[0] ?? await context.newPage();
      await page.goto('/');
      await page.waitForSelector('#outbox-status a[href^="/terkirim/"]', { timeout: 20_000 });
      assert.ok(await app.deps.store.getReportByClientId(hashClientId(clientId)), 'the report from the closed browser arrived');
      assert.match(await page.textContent('#my-reports') ?? '', /[A-Z0-9]{4}-/);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('when the description is too short, the error is shown next to it, focus moves there, and nothing typed is lost', async () => {
    const { context, page } = await newPage();
    await page.goto('/lapor/pupuk');
    await fillPupuk(page, 'mahal');
    await page.click('button[type=submit]');
    await page.waitForSelector('#err-description:has-text("minimal 10 huruf")');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-description');
    assert.equal(await page.getAttribute('#f-description', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#f-description'), 'mahal');
    assert.equal(await page.inputValue('#f-details-kioskName'), 'Kios Tani Makmur');
    assert.equal(await page.inputValue('#f-desa'), '33.16.05.2001');
    // And a reload keeps it too (draft).
    await page.reload();
    assert.equal(await page.inputValue('#f-description'), 'mahal');
    assert.equal(await page.inputValue('#f-desa'), '33.16.05.2001');
    await context.close();
  });

  it('"Gunakan lokasi saya" preselects the kecamatan and desa the point lies in and says so; the map opens without tiles and takes a pin', async () => {
    const { context, page } = await newPage({ geolocation: { latitude: -7.15, longitude: 111.58 }, permissions: ['geolocation'] });
    await page.goto('/lapor/jalan');
    await page.click('#geo-btn');
    await page.waitForSelector('#geo-status:has-text("Kecamatan Cepu")');
    assert.equal(await page.inputValue('#f-kecamatan'), '33.16.05');
    const place = placeOfPoint(app.deps.catalog.places, -7.15, 111.58);
    assert.equal(await page.inputValue('#f-desa'), place?.desa?.code);
    assert.match((await page.textContent('#geo-status')) ?? '', new RegExp(`${place?.desa?.name}, Kecamatan Cepu`));
    assert.equal(await page.inputValue('#f-lat'), '-7.150000');
    // Only Cepu's desa are offered now.
    const desa = await page.$$eval('#f-desa option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    assert.ok(desa.length > 0 && desa.every((code) => code.startsWith('33.16.05.')));

    const leafletRequests: string[] = [];
    page.on('request', (r) => { if (/map-/.test(r.url())) leafletRequests.push(r.url()); });
    await page.click('#map-btn');
    await page.waitForSelector('#geo-status:has-text("Ketuk peta")');
    assert.ok(leafletRequests.length > 0, 'Leaflet is loaded only when the map is opened');
    const box = (await page.locator('#map').boundingBox())!;
    await page.locator('#map').click({ position: { x: box.width / 2 + 40, y: box.height / 2 } });
    await page.waitForSelector('#geo-status:has-text("Titik lokasi ditandai")');
    assert.notEqual(await page.inputValue('#f-lat'), '-7.150000');
    await context.close();
  });

  it('at 360 px and 200% text size the form fits the screen, every input has a label and tap targets are at least 44 px', async () => {
    const { context, page } = await newPage();
    await page.goto('/lapor/pupuk');
    const report = await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
      const controls = [...document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')];
      const unlabelled = controls.filter((c) => c.labels === null || c.labels.length === 0).map((c) => c.name);
      const targets = [...document.querySelectorAll<HTMLElement>('button:not([hidden]), a.btn, .choice, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not(.file-input), select')]
        .filter((el) => el.offsetParent !== null);
      const small = targets.filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 60));
      return { unlabelled, small, overflow: document.documentElement.scrollWidth - window.innerWidth };
    });
    assert.deepEqual(report.unlabelled, []);
    assert.deepEqual(report.small, []);
    assert.ok(report.overflow <= 0, `page scrolls sideways by ${report.overflow}px at 200% text`);
    await context.close();
  });

  it('the first load of / and /lapor/pupuk stays within 30 KB gzipped (HTML+CSS+JS, Leaflet excluded)', async () => {
    for (const path of ['/', '/lapor/pupuk']) {
      const weight = await weigh(browser, app.baseUrl, path);
      assert.ok(weight.files.some((f) => f.url.endsWith('.js')) && weight.files.some((f) => f.url.endsWith('.css')), 'the built assets were loaded');
      assert.ok(weight.bytes <= WEIGHT_BUDGET_BYTES, `${path} weighs ${weight.bytes} bytes`);
    }
  });
});
