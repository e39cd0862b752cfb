// The public statistics are kept between report changes (server/public/statistics-cache.ts):
// a change on this process shows at once; one committed by another process shows once
// PUBLIC_STATS_CACHE_SECONDS have passed; with 0 nothing is kept.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig, ConfigError } from '../../server/config.ts';
import { validReport } from '../helpers/fixtures.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { submitReport } from '../helpers/submit.ts';

const reportedIn7Days = async (app: RunningApp): Promise<number> =>
  (await request(app.baseUrl).get('/api/public/statistics').expect(200)).body.windows.find((w: { days: number }) => w.days === 7).reported;

describe('public statistics kept between report changes', function () {
  this.timeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-stats-cache-'));
  let now = Date.now();
  let reader: RunningApp;
  let other: RunningApp;
  let uncached: RunningApp;

  before(async () => {
    reader = await startApp({ PUBLIC_STATS_CACHE_SECONDS: '30', OVERDUE_SWEEP_SECONDS: '0' }, { dataDir, clock: () => new Date(now) });
    // Another process on the same store: its changes reach the reader's store, not its bus.
    other = await startApp({ OVERDUE_SWEEP_SECONDS: '0' }, { dataDir });
    uncached = await startApp({ PUBLIC_STATS_CACHE_SECONDS: '0', OVERDUE_SWEEP_SECONDS: '0' }, { dataDir });
  });
  after(async () => {
    await Promise.all([reader?.close(), other?.close(), uncached?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a report made on this process counts at once, on the page and in the API', async () => {
    const before = await reportedIn7Days(reader);
    await submitReport(reader.baseUrl, validReport());
    assert.equal(await reportedIn7Days(reader), before + 1);
    assert.match((await request(reader.baseUrl).get('/statistik').expect(200)).text, new RegExp(`<tr data-days="7"><th scope="row">[^<]+</th><td>${before + 1}</td>`));
  });

  it('a report made on another process counts once the kept figures are older than PUBLIC_STATS_CACHE_SECONDS', async () => {
    const kept = await reportedIn7Days(reader);
    await submitReport(other.baseUrl, validReport());
    assert.equal(await reportedIn7Days(reader), kept, 'kept for now');
    assert.equal(await reportedIn7Days(uncached), kept + 1, 'with 0, computed per request');
    now += 31_000;
    assert.equal(await reportedIn7Days(reader), kept + 1);
  });

  it('takes 0 to 3600 seconds, 30 by default, and refuses anything else naming the variable', () => {
    assert.equal(loadConfig({}).publicStatsCacheSeconds, 30);
    assert.equal(loadConfig({ PUBLIC_STATS_CACHE_SECONDS: '0' }).publicStatsCacheSeconds, 0);
    for (const value of ['-1', '3601', 'tiga puluh']) {
      assert.throws(() => loadConfig({ PUBLIC_STATS_CACHE_SECONDS: value }), (err: unknown) => err instanceof ConfigError && /PUBLIC_STATS_CACHE_SECONDS/.test(err.message));
    }
  });
});
