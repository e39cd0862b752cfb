// Requests lean on the last settings check for SETTINGS_RECHECK_MS (Catalog.ensureRecent): a
// change saved on this process applies at once; one saved by another process on the same store
// applies once that time has passed on this process's clock, and never later.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { addAndLogin, type Person } from '../helpers/desk.ts';
import { validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

describe('settings checked at most once per SETTINGS_RECHECK_MS', function () {
  this.timeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-recheck-'));
  let now = Date.parse('2026-03-02T03:00:00Z');
  let reader: RunningApp;
  let other: RunningApp;
  let readerAdmin: Person;
  let otherAdmin: Person;

  const agencyOfNewReport = async (app: RunningApp): Promise<string> =>
    (await request(app.baseUrl).post('/api/reports').send(validReport()).expect(201)).body.agency.id;
  const routeJalanTo = async (app: RunningApp, admin: Person, agencyId: string) => {
    const current = await request(app.baseUrl).get('/api/admin/routing').set('Cookie', admin.cookie).expect(200);
    await request(app.baseUrl).put('/api/admin/routing').set('Cookie', admin.cookie).set('Origin', app.baseUrl).set('If-Match', current.headers.etag)
      .send({ ...current.body, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId }] }).expect(200);
  };

  before(async () => {
    reader = await startApp({ SETTINGS_RECHECK_MS: '1000', OVERDUE_SWEEP_SECONDS: '0' }, { dataDir, clock: () => new Date(now) });
    // Another process on the same store: its saves reach the reader through the store only.
    other = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { dataDir });
    readerAdmin = await addAndLogin(reader, 'admin.pembaca', 'admin');
    otherAdmin = await addAndLogin(other, 'admin.lain', 'admin');
  });
  after(async () => {
    await Promise.all([reader?.close(), other?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a change saved on another process applies once the window has passed, not before', async () => {
    assert.equal(await agencyOfNewReport(reader), 'dpupr');
    await routeJalanTo(other, otherAdmin, 'dinkominfo');
    now += 999;
    assert.equal(await agencyOfNewReport(reader), 'dpupr', 'within the window the last check holds');
    now += 1;
    assert.equal(await agencyOfNewReport(reader), 'dinkominfo', 'the first request after it reads the new version');
  });

  it('a change saved on this process applies to its very next request', async () => {
    await routeJalanTo(reader, readerAdmin, 'disdik');
    assert.equal(await agencyOfNewReport(reader), 'disdik');
  });

  it('a clock set back checks again rather than trusting a check from its future', async () => {
    await routeJalanTo(other, otherAdmin, 'dinkes');
    now -= 60_000;
    assert.equal(await agencyOfNewReport(reader), 'dinkes');
  });
});
