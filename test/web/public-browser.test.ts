// The public pages in Debian's Chromium at 360 px: /laporan without and with JavaScript (its
// map built from the staff map's modules), /laporan/:publicId, /statistik, and moderation on
// the desk reaching the public page. Tiles are blocked; screenshots land in test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { WEIGHT_BUDGET_BYTES, weigh } from '../../bench/web-weight.ts';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { submitReport } from '../helpers/submit.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { seriousViolations } from './axe.ts';
import { ARTIFACTS_DIR, MOBILE, buildClientOnce, launchChromium } from './browser.ts';

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'id-ID' };

describe('the public pages in a browser', function () {
  this.timeout(120_000);
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let roadId: string;
  let verifiedId: string;
  let secretId: string;

  async function submit(body: Record<string, unknown>, photos = 0): Promise<string> {
    return (await submitReport(app.baseUrl, body, photos, [320, 240])).publicId;
  }

  async function page(options: object = MOBILE): Promise<Page> {
    const context = await browser.newContext({ ...options, baseURL: app.baseUrl });
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    contexts.push(context);
    return context.newPage();
  }

  // Page scripts (evaluate, axe) need JavaScript: these checks run in a context that has it.
  async function checkLayout(path: string, shot: string): Promise<void> {
    const p = await page();
    await p.goto(path);
    await noSidewaysScroll(p);
    await p.screenshot({ path: join(ARTIFACTS_DIR, shot), fullPage: true });
    assert.deepEqual(await seriousViolations(p), [], path);
  }

  async function noSidewaysScroll(p: Page): Promise<void> {
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
  }

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp({ RATE_LIMIT_SUBMIT: '1000/1m' }), launchChromium()]);
    await addUser(app, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    roadId = await submit(validReport({ description: 'Jalan berlubang di depan rumah Pak Darmo, Gadon.', lat: -7.1628, lng: 111.5665 }), 1);
    verifiedId = await submit(validReport({ description: 'Jembatan kayu di Ngroto hampir putus.', kecamatan: '33.16.09', desa: '33.16.09.2001', lat: -6.9565, lng: 111.4343 }), 2);
    secretId = await submit(pupukReport({}, { description: 'Kios Sumber Rejeki menimbun urea.' }));
    await submit(validReport({ category: 'kesehatan', details: {}, description: 'Puskesmas pembantu sering tutup.', kecamatan: '33.16.09', desa: '33.16.09.2002' }));
    const officer = await request.agent(app.baseUrl);
    await officer.post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'petugas.pu', password: PASSWORD }).expect(200);
    await officer.post(`/api/desk/reports/${verifiedId}/actions`).set('Origin', app.baseUrl).send({ type: 'verify' }).expect(200);
  });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close())); });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('/laporan works without JavaScript at 360 px: list, filter by kecamatan then desa, and no confidential report', async () => {
    const p = await page({ ...MOBILE, javaScriptEnabled: false });
    await p.goto('/laporan');
    assert.equal(await p.locator('#public-list li').count(), 3);
    assert.equal(await p.locator(`#public-list li[data-id="${secretId}"]`).count(), 0);
    assert.doesNotMatch(await p.textContent('main') ?? '', /Sumber Rejeki|Pak Darmo/);
    assert.equal(await p.locator('#show-map').count(), 0, 'no map button without JavaScript');
    await p.screenshot({ path: join(ARTIFACTS_DIR, 'laporan-360-nojs.png'), fullPage: true });

    await p.selectOption('#f-kecamatan', '33.16.09');
    await Promise.all([p.waitForURL(/kecamatan=33\.16\.09/), p.click('form.filters button[type=submit]')]);
    assert.equal(await p.locator('#public-list li').count(), 2);
    await p.selectOption('#f-desa', '33.16.09.2001');
    await Promise.all([p.waitForURL(/desa=33\.16\.09\.2001/), p.click('form.filters button[type=submit]')]);
    assert.equal(await p.locator('#public-list li').count(), 1);
    assert.equal(await p.getAttribute('#public-list li', 'data-id'), verifiedId);
    await checkLayout('/laporan?kecamatan=33.16.09&desa=33.16.09.2001', 'laporan-360-desa.png');
  });

  it('/laporan with JavaScript at 360 px stays within the weight budget and shows the same filter on a Leaflet map on request', async () => {
    const weight = await weigh(browser, app.baseUrl, '/laporan?kecamatan=33.16.09');
    assert.ok(weight.bytes <= WEIGHT_BUDGET_BYTES, `/laporan weighs ${weight.bytes} bytes`);
    assert.ok(!weight.files.some((f) => /leaflet|public-map|pins-layer/.test(f.url)), 'the map is not in the first load');

    const p = await page();
    await p.goto('/laporan?category=jalan');
    await p.click('#show-map');
    await p.waitForSelector('#public-map.leaflet-container[data-total]');
    assert.equal(await p.getAttribute('#public-map', 'data-total'), '2', 'two road reports in the filter');
    assert.equal(await p.getAttribute('#public-map', 'data-pins'), '2');
    assert.equal(await p.locator('.kec-marker').count(), 16);
    assert.equal(await p.getAttribute('.kec-marker[data-code="33.16.05"]', 'data-total'), '1');
    await noSidewaysScroll(p);
    await p.screenshot({ path: join(ARTIFACTS_DIR, 'laporan-360-map.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(p), []);
    // A ring opens the list of that kecamatan with the same filter.
    await Promise.all([p.waitForURL(/kecamatan=33\.16\.09/), p.click('.kec-marker[data-code="33.16.09"]')]);
    assert.match(p.url(), /category=jalan/);
  });

  it('/laporan/:publicId shows a verified report’s text and photos, not an unverified one’s, and takes a dukung without JavaScript', async () => {
    const p = await page({ ...MOBILE, javaScriptEnabled: false });
    await p.goto(`/laporan/${roadId}`);
    assert.match(await p.textContent('#public-description-pending') ?? '', /setelah diverifikasi/);
    assert.equal(await p.locator('#public-photos img').count(), 0);
    await p.goto(`/laporan/${verifiedId}`);
    assert.equal(await p.textContent('#public-description'), 'Jembatan kayu di Ngroto hampir putus.');
    assert.equal(await p.locator('#public-photos img').count(), 2);
    assert.match(await p.textContent('#public-timeline') ?? '', /Laporan diverifikasi/);
    await Promise.all([p.waitForURL(/dukung=1/), p.click('form.support button')]);
    assert.match(await p.textContent('#support-count') ?? '', /1/);
    const photos = await (await page()).request.get(String(await p.getAttribute('#public-photos img >> nth=0', 'src')));
    assert.equal(photos.headers()['content-type'], 'image/jpeg');
    await checkLayout(`/laporan/${verifiedId}`, 'laporan-detail-360.png');
    const missing = await p.goto(`/laporan/${secretId}`);
    assert.equal(missing?.status(), 404);
  });

  it('/statistik at 360 px shows every table with how it is counted, without sideways scrolling', async () => {
    const p = await page();
    await p.goto('/statistik');
    assert.equal(await p.textContent('#stats-windows tr[data-days="7"] td'), '4', 'the confidential report counts');
    assert.equal(await p.locator('#stats-kecamatan tr[data-kecamatan]').count(), 16);
    assert.equal(await p.locator('#stats-trend tr[data-week]').count(), 12);
    assert.equal(await p.locator('text=Cara menghitung').count(), 4);
    await noSidewaysScroll(p);
    await p.screenshot({ path: join(ARTIFACTS_DIR, 'statistik-360.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(p), []);
  });

  it('an officer redacts the text and hides a photo on the desk; the public page follows', async () => {
    const desk = await page(LAPTOP);
    await desk.goto('/desk');
    await desk.fill('#login-username', 'petugas.pu');
    await desk.fill('#login-password', PASSWORD);
    await desk.click('#login-form button[type=submit]');
    await desk.click(`#queue-list button[data-id="${verifiedId}"]`);
    await desk.waitForSelector(`#detail-code:text("${verifiedId}")`);

    await desk.click('#detail-actions button[data-action=redact]');
    assert.equal(await desk.inputValue('#action-redact-text'), 'Jembatan kayu di Ngroto hampir putus.', 'the form starts from the current public text');
    await desk.fill('#action-redact-text', 'Jembatan kayu hampir putus.');
    await desk.click('form[data-action=redact] button[type=submit]');
    await desk.waitForSelector('#detail-timeline :text("Teks untuk publik disunting")');
    assert.match(await desk.textContent('#detail-public-text') ?? '', /Jembatan kayu hampir putus\./);
    assert.equal(await desk.textContent('#detail-description'), 'Jembatan kayu di Ngroto hampir putus.', 'the citizen’s text stays for the desk');

    const firstPhoto = await desk.getAttribute('#detail-photos li >> nth=0', 'data-photo');
    await desk.click('#detail-actions button[data-action=hide_photo]');
    await desk.selectOption('#action-hide_photo-photoId', firstPhoto!);
    await desk.click('form[data-action=hide_photo] button[type=submit]');
    await desk.waitForSelector('#detail-timeline :text("Foto disembunyikan dari publik")');
    assert.equal(await desk.getAttribute(`#detail-photos li[data-photo="${firstPhoto}"]`, 'data-hidden'), 'true');
    assert.match(await desk.textContent(`#detail-photos li[data-photo="${firstPhoto}"]`) ?? '', /disembunyikan dari publik/);
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-moderation-1280.png') });

    const p = await page();
    await p.goto(`/laporan/${verifiedId}`);
    assert.equal(await p.textContent('#public-description'), 'Jembatan kayu hampir putus.');
    assert.equal(await p.locator('#public-photos img').count(), 1);
    assert.equal(await p.locator(`#public-photos img[src*="${firstPhoto}"]`).count(), 0);
    assert.match(await p.textContent('#public-timeline') ?? '', /Foto disembunyikan petugas/);
  });
});
