// The back office in a real Chromium at laptop size: accounts with one-time passwords, a unit
// and an override that routes the next report live to the unit's and its parent's desks, and
// an agency admin who sees only their own agency's accounts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { addUser, PASSWORD } from '../helpers/desk.ts';
import { validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { ARTIFACTS_DIR, buildClientOnce, launchChromium } from './browser.ts';

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'id-ID' };
const ADMIN_PASSWORD = 'admin-awal-12345';

describe('the back office in a browser', function () {
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    await buildClientOnce();
    [app, browser] = await Promise.all([startApp({ ADMIN_PASSWORD, OVERDUE_SWEEP_SECONDS: '0', MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), launchChromium()]);
    await addUser(app, 'kabid.dinkes', 'agency_admin', { agencyId: 'dinkes' });
    await addUser(app, 'petugas.dinkes', 'officer', { agencyId: 'dinkes' });
    await addUser(app, 'petugas.dpupr', 'officer', { agencyId: 'dpupr' });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ ...LAPTOP, baseURL: app.baseUrl });
    contexts.push(context);
    return context.newPage();
  }

  async function logIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto('/desk');
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await page.click('#login-form button[type=submit]');
  }

  async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
    await logIn(page, username, password);
    await page.waitForSelector('#conn-status[data-status=connected]');
  }

  it('an admin creates an officer, who signs in with the one-time password and must choose a new one before the desk opens', async () => {
    const admin = await open();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.click('#settings-link');
    await admin.waitForSelector('#accounts-table');
    await admin.fill('#n-username', 'budi.dpupr');
    await admin.fill('#n-name', 'Budi Santoso');
    await admin.selectOption('#n-role', 'officer');
    await admin.selectOption('#n-agency', 'dpupr');
    await admin.click('#account-create');
    const oneTime = (await admin.textContent('#one-time-password'))?.trim() ?? '';
    assert.ok(oneTime.length >= 10);
    await admin.waitForSelector('#accounts-table tr[data-username="budi.dpupr"]');
    assert.match(await admin.textContent('#accounts-table tr[data-username="budi.dpupr"]') ?? '', /menunggu kata sandi baru/);
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'backoffice-accounts-1280x800.png') });

    const officer = await open();
    await logIn(officer, 'budi.dpupr', oneTime);
    await officer.waitForSelector('#password-form');
    assert.match(await officer.textContent('#password-form h1') ?? '', /Buat kata sandi baru/);
    // Nothing of the desk is drawn while the password is one-time.
    assert.equal(await officer.$('#conn-status'), null);
    await officer.screenshot({ path: join(ARTIFACTS_DIR, 'backoffice-one-time-password-1280x800.png') });
    await officer.fill('#pw-current', oneTime);
    await officer.fill('#pw-new', 'sandi-budi-sendiri-1');
    await officer.fill('#pw-repeat', 'sandi-budi-beda-2');
    await officer.click('#pw-save');
    assert.equal(await officer.textContent('#password-error'), 'Kedua kata sandi baru tidak sama.');
    await officer.fill('#pw-repeat', 'sandi-budi-sendiri-1');
    await officer.click('#pw-save');
    await officer.waitForSelector('#conn-status[data-status=connected]');
    assert.equal(await officer.textContent('#desk-user-name'), 'Budi Santoso');
    // The one-time password is spent.
    await request(app.baseUrl).post('/api/auth/login').set('Origin', app.baseUrl).send({ username: 'budi.dpupr', password: oneTime }).expect(401);
  });

  it('an admin adds a unit and an override; the next road report in that kecamatan arrives live on the unit\'s desk and on DPUPR\'s', async () => {
    const admin = await open();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.goto('/desk/admin#dinas');
    await admin.waitForSelector('#agency-form');
    await admin.fill('#a-id', 'upt-dpupr-cepu');
    await admin.fill('#a-name', 'UPT Jalan dan Jembatan Cepu');
    await admin.selectOption('#a-parent', 'dpupr');
    await admin.click('#agency-create');
    await admin.waitForSelector('#agencies-table tr[data-agency="upt-dpupr-cepu"]');
    await addUser(app, 'petugas.upt', 'officer', { agencyId: 'upt-dpupr-cepu' });

    const [unitDesk, parentDesk] = [await open(), await open()];
    await Promise.all([signIn(unitDesk, 'petugas.upt'), signIn(parentDesk, 'petugas.dpupr')]);

    await admin.goto('/desk/admin#pengarahan');
    await admin.waitForSelector('#routing-form');
    assert.match(await admin.textContent('#routing-note') ?? '', /hanya berlaku untuk laporan baru/);
    await admin.click('#add-override');
    const last = '#overrides tr:last-child';
    await admin.selectOption(`${last} [data-part=category]`, 'jalan');
    await admin.selectOption(`${last} [data-part=kecamatan]`, '33.16.05');
    await admin.selectOption(`${last} [data-part=agency]`, 'upt-dpupr-cepu');
    await admin.click('#routing-save');
    await admin.waitForSelector('#routing-status.ok');
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'backoffice-routing-1280x800.png') });

    const res = await request(app.app).post('/api/reports').send(validReport()).expect(201);
    assert.equal(res.body.agency.id, 'upt-dpupr-cepu');
    const row = `#queue-list button[data-id="${res.body.publicId as string}"]`;
    await Promise.all([unitDesk.waitForSelector(row), parentDesk.waitForSelector(row)]);
    await parentDesk.screenshot({ path: join(ARTIFACTS_DIR, 'backoffice-parent-desk-1280x800.png') });
  });

  it('an agency admin sees and manages only their own agency\'s accounts, and none of the admin\'s settings', async () => {
    const page = await open();
    await signIn(page, 'kabid.dinkes');
    await page.click('#settings-link');
    await page.waitForSelector('#accounts-table');
    const usernames = await page.$$eval('#accounts-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-username')));
    assert.deepEqual(usernames.sort(), ['kabid.dinkes', 'petugas.dinkes']);
    assert.deepEqual(await page.$$eval('.admin-nav a', (links) => links.map((a) => a.textContent)), ['Akun', 'Kata sandi saya']);
    // Their own row offers nothing to do; their officer's does.
    assert.equal(await page.$('#accounts-table tr[data-username="kabid.dinkes"] button'), null);
    assert.ok(await page.$('#accounts-table tr[data-username="petugas.dinkes"] button[data-action=disable]'));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'backoffice-agency-admin-1280x800.png') });
  });
});
