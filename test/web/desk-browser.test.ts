// The officers' desk in a real Chromium: live queue, detail, actions, connection loss and
// sync, and the switches. Screenshots at laptop and tablet size land in test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { jpegWithGps, pupukReport, validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { ARTIFACTS_DIR, MOBILE, buildClientOnce, fillPupuk, launchChromium } from './browser.ts';

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'id-ID' };
const TABLET = { viewport: { width: 800, height: 1280 }, locale: 'id-ID', hasTouch: true };

// Counts the desk's beeps: every beep creates one oscillator.
function countBeeps(): void {
  const w = window as unknown as { beeps: number };
  w.beeps = 0;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.beeps += 1;
    return create.call(this);
  };
}

describe('the desk in a browser', function () {
  // Generous: the browser and server share a CI machine that may be busy.
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    // Tiles cannot load here; a closed local port makes that fail at once instead of hanging.
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), launchChromium()]);
    await addUser(app, 'pupuk1', 'officer', { agencyId: 'satgas-pupuk' });
    await addUser(app, 'pupuk2', 'officer', { agencyId: 'satgas-pupuk' });
    await addUser(app, 'jalan1', 'officer', { agencyId: 'dpupr' });
    await addUser(app, 'kepala', 'agency_admin', { agencyId: 'satgas-pupuk' });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(options: object): Promise<Page> {
    const context = await browser.newContext({ ...options, baseURL: app.baseUrl });
    contexts.push(context);
    await context.addInitScript(countBeeps);
    return context.newPage();
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto('/desk');
    await page.fill('#login-username', username);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#conn-status[data-status=connected]');
    assert.equal(await page.textContent('#conn-status'), 'Tersambung');
  }

  async function submitJson(body: Record<string, unknown>): Promise<string> {
    const res = await request(app.app).post('/api/reports').send(body).expect(201);
    return (res.body as { publicId: string }).publicId;
  }

  const row = (publicId: string) => `#queue-list button[data-id="${publicId}"]`;

  it('when a farmer reports overpriced urea, Satgas Pupuk sees it arrive live, verifies it, the citizen sees "Terverifikasi", and DPUPR never sees it', async () => {
    const desk = await open(LAPTOP);
    await desk.goto('/desk');
    await desk.waitForSelector('#login-form');
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-login-1280x800.png') });
    await signIn(desk, 'pupuk1');
    await desk.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
    const dpupr = await open(TABLET);
    await signIn(dpupr, 'jalan1');

    // The citizen, on a phone, in another browser context.
    const citizen = await open(MOBILE);
    await citizen.goto('/lapor/pupuk');
    await fillPupuk(citizen, 'Urea <b>Rp 125.000</b> per sak, harus beli paket dengan pupuk cair.');
    // As if the farmer had tapped the map.
    await citizen.evaluate(() => {
      (document.getElementById('f-lat') as HTMLInputElement).value = '-7.1628';
      (document.getElementById('f-lng') as HTMLInputElement).value = '111.5665';
    });
    await citizen.setInputFiles('#f-photos', { name: 'kios.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await citizen.waitForSelector('#thumbs img');
    await citizen.click('button[type=submit]');
    await citizen.waitForURL(/\/terkirim\//);
    const trackingCode = (await citizen.textContent('#tracking-code'))!.trim();
    const code = (await citizen.textContent('#public-id strong'))!.trim();

    // It appears in the queue without a reload, marked new, counted in the title, with a beep.
    await desk.waitForSelector(row(code));
    assert.equal(await desk.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere), true, 'no reload');
    assert.match(await desk.textContent(row(code)) ?? '', /Baru masuk/);
    assert.match(await desk.title(), /^\(1\) Meja Pengaduan/);
    assert.equal(await desk.evaluate(() => (window as unknown as { beeps: number }).beeps), 1);

    // Opened: the detail shows what the officer needs.
    await desk.click(row(code));
    await desk.waitForSelector(`#detail-code:text("${code}")`);
    assert.equal(await desk.getAttribute(row(code), 'aria-current'), 'true');
    assert.equal(await desk.textContent('#detail-status'), 'Baru');
    assert.equal(await desk.textContent('#detail-description'), 'Urea <b>Rp 125.000</b> per sak, harus beli paket dengan pupuk cair.', 'citizen text is shown as text');
    assert.equal(await desk.locator('#detail-description b').count(), 0);
    assert.equal(await desk.textContent('#het-finding'), 'Rp 700/kg di atas HET (38,9%)');
    assert.match(await desk.textContent('#pupuk-details') ?? '', /Kios Tani Makmur/);
    assert.match(await desk.textContent('#pupuk-details') ?? '', /Rp 2\.500\/kg/);
    assert.doesNotMatch(await desk.title(), /^\(/, 'opening it clears the count');
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#detail-photos img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    // Leaflet came lazily for the position; the tiles fail here and the desk says so.
    await desk.waitForSelector('#detail-map.leaflet-container');
    await desk.waitForSelector('text=Peta dasar tidak dapat dimuat');
    const offered = await desk.$$eval('#detail-actions .desk-buttons button[data-action]', (bs) => bs.map((b) => (b as HTMLElement).dataset.action));
    assert.deepEqual(offered, ['verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'reply', 'note'], 'an officer may not assign');

    // The full photo opens from its thumbnail.
    await desk.click('#detail-photos button');
    await desk.waitForFunction(() => (document.querySelector<HTMLImageElement>('dialog[open] img')?.naturalWidth ?? 0) > 0);
    await desk.keyboard.press('Escape');

    // A resolve without its public note is refused, next to the field.
    await desk.click('#detail-actions button[data-action=resolve]');
    await desk.click('form[data-action=resolve] button[type=submit]');
    await desk.waitForSelector('#action-resolve-note-err:text("Tuliskan catatan")');

    await desk.click('#detail-actions button[data-action=verify]');
    await desk.fill('#action-verify-note', 'Kios sudah dihubungi.');
    await desk.click('form[data-action=verify] button[type=submit]');
    await desk.waitForSelector('#detail-status:text("Terverifikasi")');
    assert.match(await desk.textContent('#detail-notice') ?? '', /Tersimpan: Verifikasi/);
    assert.match(await desk.textContent('#detail-timeline') ?? '', /Diverifikasi.*Pak pupuk1.*Kios sudah dihubungi\./s);
    await desk.waitForSelector(`${row(code)} .status-verified`);
    assert.ok(!(await desk.$('#detail-actions button[data-action=verify]')), 'verify is no longer offered');

    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-1280x800.png') });
    await desk.$eval('#detail', (el) => el.scrollTo(0, el.scrollHeight));
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-1280x800-detail-end.png') });
    await desk.setViewportSize(TABLET.viewport);
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-800x1280.png') });

    await citizen.goto(`/lacak/${trackingCode}`);
    assert.match(await citizen.textContent('main') ?? '', /Terverifikasi/);

    // DPUPR's desk is live (a road report arrives) but never shows the pupuk report.
    const road = await submitJson(validReport());
    await dpupr.waitForSelector(row(road));
    assert.equal(await dpupr.$(row(code)), null);
    await dpupr.screenshot({ path: join(ARTIFACTS_DIR, 'desk-dpupr-800x1280.png') });
    assert.equal(await desk.$(row(road)), null);
  });

  it('when the connection drops, the desk says "Terputus", and a report sent meanwhile arrives once by sync after reconnecting', async () => {
    const desk = await open(LAPTOP);
    const frames: string[] = [];
    // Socket.IO packets as received, over WebSocket or long-polling (a reconnect starts polling).
    desk.on('websocket', (ws) => ws.on('framereceived', (f) => { if (typeof f.payload === 'string') frames.push(f.payload); }));
    desk.on('response', (res) => {
      if (res.url().includes('/socket.io/') && res.request().method() === 'GET') void res.text().then((t) => frames.push(...t.split('\x1e')), () => undefined);
    });
    await signIn(desk, 'pupuk2');

    for (const socket of app.io.of('/desk').sockets.values()) socket.conn.close();
    const code = await submitJson(pupukReport());
    await desk.waitForSelector('#conn-status:text("Terputus — menyambung kembali…")');
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-disconnected-1280x800.png'), clip: { x: 0, y: 0, width: 1280, height: 60 } });
    await desk.waitForSelector('#conn-status[data-status=connected]');
    await desk.waitForSelector(row(code));

    const carrying = frames.filter((f) => f.includes(code));
    assert.ok(carrying.length >= 1);
    assert.ok(carrying.every((f) => f.startsWith('43/desk,')), `it came in the sync answer, not live: ${carrying.map((f) => f.slice(0, 40)).join(' | ')}`);
    assert.equal(await desk.locator(row(code)).count(), 1);
    assert.equal(await desk.getAttribute('#desk', 'data-seq'), String(await app.deps.store.lastSeq()));
    assert.equal(await desk.evaluate(() => (window as unknown as { beeps: number }).beeps), 1);
  });

  it('the sound and title switches are remembered; when off, a new report neither beeps nor counts', async () => {
    const desk = await open(LAPTOP);
    await signIn(desk, 'pupuk1');
    await desk.uncheck('#pref-sound');
    await desk.uncheck('#pref-title');
    await desk.reload();
    await desk.waitForSelector('#conn-status[data-status=connected]');
    assert.equal(await desk.isChecked('#pref-sound'), false);
    assert.equal(await desk.isChecked('#pref-title'), false);
    await desk.click('#queue-title'); // a gesture, so audio could start if it were allowed to

    const code = await submitJson(pupukReport());
    await desk.waitForSelector(row(code));
    assert.match(await desk.textContent(row(code)) ?? '', /Baru masuk/);
    assert.doesNotMatch(await desk.title(), /^\(/);
    assert.equal(await desk.evaluate(() => (window as unknown as { beeps: number }).beeps), 0);
  });

  it('when Satgas Pupuk forwards a report to DPUPR with a note, it leaves the pupuk queue and arrives on the DPUPR desk live', async () => {
    const code = await submitJson(pupukReport({}, { description: 'Pupuk ditimbun di gudang dekat jembatan yang rusak, truk tidak bisa lewat.' }));
    const desk = await open(TABLET);
    await signIn(desk, 'pupuk1');
    const dpupr = await open(LAPTOP);
    await signIn(dpupr, 'jalan1');

    await desk.click(row(code));
    await desk.waitForSelector(`#detail-code:text("${code}")`);
    await desk.click('#detail-actions button[data-action=forward]');
    await desk.selectOption('#action-forward-agencyId', 'dpupr');
    await desk.click('form[data-action=forward] button[type=submit]');
    await desk.waitForSelector('#action-forward-note-err:text("Tuliskan catatan")');
    await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-forward-800x1280.png') });
    await desk.fill('#action-forward-note', 'Jembatan rusak, mohon ditangani DPUPR.');
    await desk.click('form[data-action=forward] button[type=submit]');

    await desk.waitForSelector('#detail-gone');
    await desk.waitForSelector(row(code), { state: 'detached' });
    await dpupr.waitForSelector(row(code));
    await dpupr.click(row(code));
    await dpupr.waitForSelector('#detail-timeline:has-text("Satgas Pupuk / KP3 → Dinas Pekerjaan Umum dan Penataan Ruang: Jembatan rusak")');
  });

  it('a report past its deadline is marked overdue in the queue and the detail, and the overdue filter keeps it', async () => {
    // This app's clock starts ten days back, so the report's 3-working-day deadline has passed.
    let now = Date.now() - 10 * 24 * 3_600_000;
    const late = await startApp({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }, { clock: () => new Date(now) });
    try {
      const res = await request(late.app).post('/api/reports').send(pupukReport()).expect(201);
      const lateCode = (res.body as { publicId: string }).publicId;
      now = Date.now();
      const onTime = (await request(late.app).post('/api/reports').send(pupukReport()).expect(201)).body as { publicId: string };
      await addUser(late, 'pupuk9', 'officer', { agencyId: 'satgas-pupuk' });

      const context = await browser.newContext({ ...LAPTOP, baseURL: late.baseUrl });
      contexts.push(context);
      const desk = await context.newPage();
      await signIn(desk, 'pupuk9');
      await desk.waitForSelector(row(onTime.publicId));
      assert.match(await desk.textContent(row(lateCode)) ?? '', /Terlambat/);
      assert.doesNotMatch(await desk.textContent(row(onTime.publicId)) ?? '', /Terlambat/);
      await desk.click(row(lateCode));
      await desk.waitForSelector('#detail-facts .desk-late');
      assert.match(await desk.textContent('#detail-facts') ?? '', /terlambat \d+ hari/);
      await desk.check('#filter-overdue');
      await desk.waitForSelector(row(onTime.publicId), { state: 'detached' });
      assert.equal(await desk.locator('#queue-list li').count(), 1);
      await desk.screenshot({ path: join(ARTIFACTS_DIR, 'desk-overdue-1280x800.png') });
    } finally {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
      await late.close();
    }
  });

  it('an agency admin works a report through every action form: each asks for what it needs and lands in the timeline', async () => {
    const first = await submitJson(pupukReport());
    const copy = await submitJson(pupukReport());
    const spam = await submitJson(pupukReport());
    const desk = await open(LAPTOP);
    await signIn(desk, 'kepala');

    async function act(code: string, action: string, fill: Record<string, string>, expect: RegExp): Promise<void> {
      if ((await desk.textContent('#detail-code').catch(() => null)) !== code) {
        await desk.click(row(code));
        await desk.waitForSelector(`#detail-code:text("${code}")`);
      }
      await desk.click(`#detail-actions button[data-action=${action}]`);
      for (const [field, value] of Object.entries(fill)) {
        const selector = `#action-${action}-${field}`;
        if (await desk.$eval(selector, (el) => el.tagName === 'SELECT')) {
          await desk.waitForSelector(`${selector} option[value="${value}"]`, { state: 'attached' });
          await desk.selectOption(selector, value);
        } else {
          await desk.fill(selector, value);
        }
      }
      await desk.click(`form[data-action=${action}] button[type=submit]`);
      // The notice of the previous action may still be on the page, so it proves nothing: wait for
      // the timeline entry this action writes (the regexps below each match one action only).
      await desk.waitForFunction(
        ([source, flags]) => new RegExp(source, flags).test(document.querySelector('#detail-timeline')?.textContent ?? ''),
        [expect.source, expect.flags] as const,
      ).catch(async () => assert.match(await desk.textContent('#detail-timeline') ?? '', expect, action));
    }

    const pupuk1 = (await app.deps.store.getUserByUsername('pupuk1'))!;
    await act(first, 'assign', { userId: pupuk1.id }, /Ditugaskan.*Pak pupuk1/s);
    await act(first, 'note', { text: 'Cek gudang kios besok pagi.' }, /Catatan internal.*Cek gudang kios besok pagi\./s);
    await act(first, 'reply', { message: 'Terima kasih, petugas akan datang ke kios.' }, /Balasan untuk warga.*petugas akan datang/s);
    await act(first, 'start', {}, /Mulai ditindaklanjuti/);
    await act(first, 'resolve', { note: 'Kios ditegur; harga kembali sesuai HET.' }, /Diselesaikan.*Kios ditegur/s);
    assert.equal(await desk.textContent('#detail-status'), 'Selesai');
    await act(copy, 'duplicate', { of: first }, new RegExp(`Ditandai duplikat.*Duplikat dari ${first}`, 's'));
    await act(spam, 'reject', { reason: 'Bukan laporan pupuk.' }, /Ditolak.*Bukan laporan pupuk\./s);
    // Closed reports leave the default ("Belum selesai") queue; "Semua" brings them back.
    await desk.waitForSelector(row(spam), { state: 'detached' });
    await desk.selectOption('#filter-status', '');
    await desk.waitForSelector(row(spam));
    assert.deepEqual(await desk.$$eval('#detail-actions button[data-action]', (bs) => bs.map((b) => (b as HTMLElement).dataset.action)), ['reply', 'note']);
  });

  it('when the session ends elsewhere, the desk returns to the login form and says why; "Keluar" signs out', async () => {
    const desk = await open(LAPTOP);
    await signIn(desk, 'pupuk2');
    const sessionCookie = async () => (await desk.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    const first = await sessionCookie();
    assert.ok(first);
    await request(app.baseUrl).post('/api/auth/logout').set('Origin', app.baseUrl).set('Cookie', `${SESSION_COOKIE}=${first.value}`).expect(204);
    await desk.waitForSelector('#login-error:text("Sesi Anda berakhir")');

    await signIn(desk, 'pupuk2');
    const second = await sessionCookie();
    assert.ok(second);
    await desk.click('#logout');
    await desk.waitForSelector('#login-form');
    await request(app.app).get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${second.value}`).expect(401);
  });

  it('the /desk shell names the built desk entry, not the citizen one, and allows no inline script', async () => {
    const res = await request(app.app).get('/desk').expect(200);
    assert.match(res.text, /<html lang="id" data-page="desk">/);
    assert.match(res.text, /<script type="module" src="\/assets\/desk-[\w-]+\.js">/);
    assert.doesNotMatch(res.text, /assets\/main-/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self';/);
  });
});
