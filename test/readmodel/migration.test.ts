// A store written before the read model existed (as the previous main wrote it: no counters
// table, no open-deadline index, migration 006 not recorded) opens, migrates, is counted from
// its reports, and the map and panels show the same numbers the reports themselves give.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AgencyStats, KecamatanAnswer, PupukStats } from '../../shared/map.ts';
import { addAndLogin, login } from '../helpers/desk.ts';
import { seed } from '../helpers/map.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';

const SPECS = [
  { kecamatan: '33.16.05' }, { kecamatan: '33.16.05' }, { kecamatan: '33.16.09', category: 'pupuk' as const },
  { kecamatan: '33.16.12', category: 'kesehatan' as const }, { kecamatan: '33.16.09', category: 'pupuk' as const, pupuk: { kioskName: 'Kios Lancar' } },
];

describe('a store written before the read model', function () {
  if (process.env.STORE === 'mongo') {
    it('is an SQLite file (this case reads and rewrites one)', function () { this.skip(); });
    return;
  }
  let dataDir: string;
  let app: RunningApp | undefined;
  let cookie: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-old-store-'));
    // Written with no deriver at all, as the previous main did.
    const old = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { dataDir, derivers: [] });
    const officer = await addAndLogin(old, 'petugas.pu', 'officer', { agencyId: 'dpupr' });
    await addAndLogin(old, 'bupati', 'executive');
    const codes = [];
    for (const spec of SPECS) codes.push(await seed(old, spec));
    await request(old.baseUrl).post(`/api/desk/reports/${codes[0]}/actions`).set('Cookie', officer.cookie).set('Origin', old.baseUrl)
      .send({ type: 'verify' }).expect(200);
    await old.close();
    const db = new Database(join(dataDir, 'suara-warga.sqlite'));
    db.exec("DROP TABLE readmodel_counters; DROP INDEX reports_open_due; DELETE FROM applied_migrations WHERE name = '008-readmodel';");
    db.close();

    app = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { dataDir });
    cookie = await login(app, 'bupati');
  });
  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async <T>(url: string): Promise<T> => (await request(app!.baseUrl).get(url).set('Cookie', cookie).expect(200)).body as T;

  it('shows on the map the kecamatan counts its reports give', async () => {
    const answer = await get<KecamatanAnswer>('/api/map/kecamatan');
    assert.equal(answer.total, 5);
    assert.deepEqual(Object.fromEntries(answer.items.filter((g) => g.total).map((g) => [g.code, g.total])), { '33.16.05': 2, '33.16.09': 2, '33.16.12': 1 });
    assert.deepEqual(answer.items.find((g) => g.code === '33.16.05')?.byStatus, { new: 1, verified: 1 });
  });

  it('shows the same agency and pupuk figures', async () => {
    const { items } = await get<{ items: AgencyStats[] }>('/api/stats/agencies');
    const dpupr = items.find((a) => a.agencyId === 'dpupr')!;
    assert.deepEqual([dpupr.total, dpupr.open, dpupr.answered], [2, 2, 1]);
    const pupuk = await get<PupukStats>('/api/stats/pupuk');
    assert.equal(pupuk.total, 2);
    assert.deepEqual(pupuk.kiosks.map((k) => [k.name, k.count]), [['Kios Lancar', 1], ['Kios Makmur', 1]]);
  });

  it('keeps counting new reports on top of the filled counters', async () => {
    await seed(app!, { kecamatan: '33.16.12' });
    const answer = await get<KecamatanAnswer>('/api/map/kecamatan');
    assert.equal(answer.total, 6);
    assert.equal(answer.items.find((g) => g.code === '33.16.12')?.total, 2);
  });
});
