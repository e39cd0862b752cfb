import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { postJson } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { validReport } from './report-bodies.ts';

describe('when a phone on a weak signal sends the same report again', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  async function reportsAndEventsOf(publicId: string) {
    const { items } = await app.deps.store.listReports({ limit: 1000, text: publicId });
    return { reports: items.length, events: (await app.deps.store.eventsOfReport(publicId)).length };
  }

  it('with the same clientId, the first gets 201 and the retry 200 with the same code; one report, one event', async () => {
    const body = validReport({ clientId: randomUUID() });

    const first = await postJson(app, '/api/reports', body);
    const retry = await postJson(app, '/api/reports', body);

    assert.equal(first.status, 201);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.code, first.body.code);
    assert.deepEqual(await reportsAndEventsOf(first.body.publicId), { reports: 1, events: 1 });
  });

  it('with the same clientId in another letter case, it is still the same report', async () => {
    const clientId = randomUUID();

    const first = await postJson(app, '/api/reports', validReport({ clientId }));
    const retry = await postJson(app, '/api/reports', validReport({ clientId: clientId.toUpperCase() }));

    assert.equal(retry.status, 200);
    assert.equal(retry.body.code, first.body.code);
  });

  it('with the same Idempotency-Key header and no clientId, the retry gets 200 and the same code', async () => {
    const body = validReport({ clientId: undefined });
    const headers = { 'Idempotency-Key': `form-${randomUUID()}` };

    const first = await postJson(app, '/api/reports', body, headers);
    const retry = await postJson(app, '/api/reports', body, headers);

    assert.equal(first.status, 201);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.code, first.body.code);
    assert.deepEqual(await reportsAndEventsOf(first.body.publicId), { reports: 1, events: 1 });
  });

  it('with different clientIds, two reports are created', async () => {
    const a = await postJson(app, '/api/reports', validReport());
    const b = await postJson(app, '/api/reports', validReport());

    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.notEqual(a.body.code, b.body.code);
  });

  it('five copies fired at once create exactly one report: one 201, the rest 200 with its code', async () => {
    const body = validReport({ clientId: randomUUID() });
    const before = await app.deps.store.lastSeq();

    const responses = await Promise.all(Array.from({ length: 5 }, () => postJson(app, '/api/reports', body)));

    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    const codes = new Set(responses.map((r) => r.body.code));
    assert.equal(new Set(responses.map((r) => r.body.publicId)).size, 1);
    assert.equal(codes.size, 1);
    assert.deepEqual(await reportsAndEventsOf(responses[0].body.publicId), { reports: 1, events: 1 });
    assert.equal(await app.deps.store.lastSeq(), before + 1, 'one event written in all');
  });
});
