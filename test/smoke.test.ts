import assert from 'node:assert/strict';
import request from 'supertest';
import { startApp, type RunningApp } from './helpers/start-app.ts';
import { validReport } from './helpers/fixtures.ts';

describe('the running server', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  it('answers /healthz and /readyz with the store it uses', async () => {
    await request(app.baseUrl).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(app.baseUrl).get('/readyz').expect(200);
    assert.equal(ready.body.store, process.env.STORE === 'mongo' ? 'mongo' : 'sqlite');
  });

  it('accepts a road report and routes it to DPUPR with a readable tracking code', async () => {
    const res = await request(app.baseUrl).post('/api/reports').send(validReport()).expect(201);
    assert.match(res.body.code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.match(res.body.publicId, /^[2-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(res.body.agency.id, 'dpupr');
  });
});
