import assert from 'node:assert/strict';
import { getJson, postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

function assertRateLimited(res: { status: number; headers: Headers; body: any }): void {
  assert.equal(res.status, 429);
  assert.equal(res.body.error.code, 'rate_limited');
  const retry = Number(res.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= 60, `Retry-After ${res.headers.get('retry-after')}`);
  assert.equal(res.body.error.message, `Terlalu banyak permintaan. Coba lagi dalam ${retry} detik.`);
}

describe('when one address sends too many requests', () => {
  describe('with RATE_LIMIT_SUBMIT=2/1m', () => {
    let app: RunningApp;
    before(async () => { app = await startApp({ RATE_LIMIT_SUBMIT: '2/1m' }); });
    after(async () => { await app.close(); });

    it('the third submission is refused with 429, Retry-After and an Indonesian message, and not stored', async () => {
      const first = await postJson(app, '/api/reports', validReport());
      const second = await postJson(app, '/api/reports', validReport());
      const third = await postJson(app, '/api/reports', validReport());

      assert.deepEqual([first.status, second.status], [201, 201]);
      assertRateLimited(third);
      assert.equal((await app.deps.store.listReports({ limit: 10 })).items.length, 2);
    });

    it('a made-up X-Forwarded-For does not buy a fresh bucket when TRUST_PROXY is unset', async () => {
      const res = await postJson(app, '/api/reports', validReport(), { 'X-Forwarded-For': '198.51.100.77' });

      assertRateLimited(res);
    });

    it('lookups have their own limit and still work', async () => {
      assert.equal((await getJson(app, '/api/reports/2345-6789-ABCD')).status, 404);
    });
  });

  describe('with RATE_LIMIT_LOOKUP=2/1m', () => {
    let app: RunningApp;
    before(async () => { app = await startApp({ RATE_LIMIT_LOOKUP: '2/1m' }); });
    after(async () => { await app.close(); });

    it('the third lookup is refused with 429 and Retry-After', async () => {
      const created = await postJson(app, '/api/reports', validReport());

      const statuses = [];
      for (let i = 0; i < 2; i += 1) statuses.push((await getJson(app, `/api/reports/${created.body.code}`)).status);
      const third = await getJson(app, `/api/reports/${created.body.code}`);

      assert.deepEqual(statuses, [200, 200]);
      assertRateLimited(third);
    });

    it('feedback posts count against the lookup limit too (guessing codes through feedback is no way around it)', async () => {
      const res = await postJson(app, '/api/reports/2345-6789-ABCD/feedback', { rating: 5 });

      assertRateLimited(res);
    });
  });

  describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
    let app: RunningApp;
    before(async () => { app = await startApp({ RATE_LIMIT_SUBMIT: '2/1m', TRUST_PROXY: '1' }); });
    after(async () => { await app.close(); });

    it('each citizen address named by the proxy has its own bucket', async () => {
      const a = { 'X-Forwarded-For': '203.0.113.10' };
      const b = { 'X-Forwarded-For': '203.0.113.20' };

      const fromA = [];
      for (let i = 0; i < 3; i += 1) fromA.push((await postJson(app, '/api/reports', validReport(), a)).status);
      const fromB = await postJson(app, '/api/reports', validReport(), b);

      assert.deepEqual(fromA, [201, 201, 429]);
      assert.equal(fromB.status, 201);
    });
  });
});
