import assert from 'node:assert/strict';
import { getJson, postJson, postRaw } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

describe('when a request body cannot be read', () => {
  let app: RunningApp;
  before(async () => { app = await startApp({ MAX_BODY_SIZE: '2kb' }); });
  after(async () => { await app.close(); });

  async function assertStillServing(): Promise<void> {
    const res = await postJson(app, '/api/reports', validReport());
    assert.equal(res.status, 201, 'a good report right after is still accepted');
  }

  it('answers broken JSON with 400 invalid_json in Indonesian and keeps serving', async () => {
    const res = await postRaw(app, '/api/reports', '{"category": "jalan", "description": ', 'application/json');

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_json');
    assert.equal(res.body.error.message, 'Data yang dikirim tidak terbaca (JSON rusak).');
    await assertStillServing();
  });

  it('answers a body over MAX_BODY_SIZE with 413 body_too_large and keeps serving', async () => {
    const res = await postJson(app, '/api/reports', validReport({ description: 'jalan rusak '.repeat(400) }));

    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'body_too_large');
    await assertStillServing();
  });

  it('answers text/plain with 415 unsupported_media_type and keeps serving', async () => {
    const res = await postRaw(app, '/api/reports', JSON.stringify(validReport()), 'text/plain');

    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'unsupported_media_type');
    assert.equal(res.body.error.message, 'Jenis data tidak didukung. Kirim JSON atau formulir.');
    await assertStillServing();
  });

  it('stores none of the refused bodies', async () => {
    const { items } = await app.deps.store.listReports({ limit: 100 });

    assert.equal(items.length, 3, 'only the three good reports sent after each refusal');
    assert.equal((await getJson(app, '/healthz')).status, 200);
  });
});
