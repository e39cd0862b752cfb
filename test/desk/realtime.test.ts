import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { SyncResponse } from '../../shared/realtime.ts';
import { pupukReport, validReport } from '../helpers/fixtures.ts';
import { addAndLogin, openDesk, waitFor, type DeskSocket, type Person } from '../helpers/desk.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { disableUser, resetPassword } from '../../server/auth/users.ts';

async function submit(app: RunningApp, body: Record<string, unknown>): Promise<string> {
  const res = await request(app.baseUrl).post('/api/reports').send(body).expect(201);
  return res.body.publicId as string;
}

function sync(socket: DeskSocket, afterSeq: number): Promise<SyncResponse> {
  return new Promise((resolve, reject) => {
    socket.emit('sync', { afterSeq }, (answer) => ('error' in answer ? reject(new Error(answer.error.code)) : resolve(answer)));
  });
}

describe('desk live feed over Socket.IO', () => {
  let app: RunningApp;
  let pupuk: Person;
  let dpupr: Person;
  const sockets: DeskSocket[] = [];
  const open = (cookie: string | null) => {
    const desk = openDesk(app, cookie);
    sockets.push(desk.socket);
    return desk;
  };

  before(async () => {
    app = await startApp();
    pupuk = await addAndLogin(app, 'satgas1', 'officer', { agencyId: 'satgas-pupuk' });
    dpupr = await addAndLogin(app, 'dpupr1', 'officer', { agencyId: 'dpupr' });
  });
  afterEach(() => { while (sockets.length) sockets.pop()?.disconnect(); });
  after(() => app.close());

  it('when a pupuk report is submitted, the Satgas Pupuk desk receives it and DPUPR does not', async () => {
    const satgasDesk = open(pupuk.cookie);
    const dpuprDesk = open(dpupr.cookie);
    await Promise.all([satgasDesk.connected, dpuprDesk.connected]);

    const code = await submit(app, pupukReport());
    const jalan = await submit(app, validReport());
    // Events arrive in emit order: once the later pupuk report is on the Satgas desk, a leaked road
    // report would already be there too.
    const barrier = await submit(app, pupukReport());

    await waitFor(() => satgasDesk.received.some((e) => e.report.publicId === barrier) && dpuprDesk.received.some((e) => e.report.publicId === jalan));
    const arrived = satgasDesk.received.find((e) => e.report.publicId === code);
    assert.equal(arrived?.type, 'report.created');
    assert.equal(arrived?.report.agencyId, 'satgas-pupuk');
    assert.ok(!dpuprDesk.received.some((e) => e.report.publicId === code), 'DPUPR must not see the pupuk report');
    assert.ok(!satgasDesk.received.some((e) => e.report.publicId === jalan), 'Satgas must not see the road report');
    // The live payload is the small summary: no reporter identity.
    assert.equal(JSON.stringify(arrived).includes('0812'), false);
  });

  it('a forward (disposisi) moves the report: the old desk sees it leave, the new desk sees it arrive', async () => {
    const code = await submit(app, pupukReport({}, { description: 'Ini sebenarnya jalan rusak di depan kios pupuk, bukan soal pupuk.' }));
    const satgasDesk = open(pupuk.cookie);
    const dpuprDesk = open(dpupr.cookie);
    await Promise.all([satgasDesk.connected, dpuprDesk.connected]);

    await request(app.baseUrl).post(`/api/desk/reports/${code}/actions`).set('Cookie', pupuk.cookie).set('Origin', app.baseUrl)
      .send({ type: 'forward', agencyId: 'dpupr', note: 'Masalah jalan, bukan pupuk.' }).expect(200);

    await waitFor(() => satgasDesk.received.some((e) => e.report.publicId === code) && dpuprDesk.received.some((e) => e.report.publicId === code));
    const left = satgasDesk.received.find((e) => e.report.publicId === code);
    const arrived = dpuprDesk.received.find((e) => e.report.publicId === code);
    assert.equal(left?.type, 'report.forwarded');
    assert.equal(left?.report.agencyId, 'dpupr');
    assert.equal(arrived?.type, 'report.forwarded');
    assert.equal(arrived?.seq, left?.seq);

    // The report now lives on DPUPR's desk and is gone from Satgas Pupuk's.
    await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', dpupr.cookie).expect(200);
    await request(app.baseUrl).get(`/api/desk/reports/${code}`).set('Cookie', pupuk.cookie).expect(404);
  });

  it('refuses a socket without a session', async () => {
    const anonymous = open(null);
    await assert.rejects(anonymous.connected, /unauthenticated/);
    const forged = open('sw_session=bukan-sesi-yang-sah');
    await assert.rejects(forged.connected, /unauthenticated/);
  });

  it('logout disconnects the sockets of that session at once', async () => {
    const officer = await addAndLogin(app, 'satgas2', 'officer', { agencyId: 'satgas-pupuk' });
    const desk = open(officer.cookie);
    await desk.connected;
    const closed = new Promise<string>((resolve) => desk.socket.once('disconnect', resolve));
    await request(app.baseUrl).post('/api/auth/logout').set('Cookie', officer.cookie).set('Origin', app.baseUrl).expect(204);
    assert.equal(await closed, 'io server disconnect');
    // And it cannot come back with the old cookie.
    await assert.rejects(open(officer.cookie).connected, /unauthenticated/);
  });

  it('disabling a user or resetting their password disconnects their sockets at once', async () => {
    for (const [username, end] of [
      ['satgas3', (name: string) => disableUser(app.deps, name)],
      ['satgas4', (name: string) => resetPassword(app.deps, name, 'sandi-baru-sekali-9')],
    ] as const) {
      const officer = await addAndLogin(app, username, 'officer', { agencyId: 'satgas-pupuk' });
      const desk = open(officer.cookie);
      await desk.connected;
      const closed = new Promise<string>((resolve) => desk.socket.once('disconnect', resolve));
      await end(username);
      assert.equal(await closed, 'io server disconnect');
    }
  });

  it('refuses a handshake from another site even with a valid cookie (cross-site WebSocket hijacking)', async () => {
    const desk = openDesk(app, pupuk.cookie, { origin: 'https://jahat.example' });
    sockets.push(desk.socket);
    await assert.rejects(desk.connected, /csrf_rejected/);
  });

  it('answers sync with only the events this desk may see, in seq order', async () => {
    const desk = open(dpupr.cookie);
    await desk.connected;
    const answer = await sync(desk.socket, 0);
    assert.ok(answer.events.length > 0);
    assert.equal(answer.more, false);
    const seqs = answer.events.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
    // Every event is a DPUPR report, or the forward that brought one there.
    for (const event of answer.events) assert.equal(event.report.agencyId, 'dpupr');
  });
});

describe('a desk whose session runs out', () => {
  it('is disconnected when the idle limit has passed', async () => {
    let now = Date.parse('2026-03-02T03:00:00Z');
    const app = await startApp({ SESSION_IDLE_MINUTES: '30' }, { clock: () => new Date(now) });
    try {
      const officer = await addAndLogin(app, 'satgas1', 'officer', { agencyId: 'satgas-pupuk' });
      const desk = openDesk(app, officer.cookie);
      await desk.connected;
      await sync(desk.socket, 0); // a sync within the limit is fine
      now += 31 * 60_000;
      const closed = new Promise<string>((resolve) => desk.socket.once('disconnect', resolve));
      await assert.rejects(sync(desk.socket, 0), /unauthenticated/);
      assert.equal(await closed, 'io server disconnect');
    } finally {
      await app.close();
    }
  });
});

describe('a desk that was offline', () => {
  let dataDir: string;
  let app: RunningApp | null = null;
  before(() => { dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-sync-')); });
  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gets all 50 reports that arrived meanwhile exactly once after sync, across a server restart', async () => {
    app = await startApp({}, { dataDir });
    const officer = await addAndLogin(app, 'satgas1', 'officer', { agencyId: 'satgas-pupuk' });
    const before = openDesk(app, officer.cookie);
    await before.connected;
    const { lastSeq } = await sync(before.socket, 0);
    before.socket.disconnect();

    const codes: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      codes.push(await submit(app, pupukReport()));
      if (i % 10 === 0) await submit(app, validReport()); // other agencies' reports in between
    }
    await app.close();

    app = await startApp({}, { dataDir });
    const desk = openDesk(app, officer.cookie); // the session lives in the store, so it survived
    await desk.connected;
    const answer = await sync(desk.socket, lastSeq);
    const created = answer.events.filter((e) => e.type === 'report.created').map((e) => e.report.publicId);
    assert.deepEqual(created, codes);
    assert.equal(new Set(answer.events.map((e) => e.seq)).size, answer.events.length);
    assert.ok(answer.events.every((e) => e.report.agencyId === 'satgas-pupuk'));

    // Then live events continue where the sync left off.
    const next = await submit(app, pupukReport());
    await waitFor(() => desk.received.some((e) => e.report.publicId === next));
    const live = desk.received.find((e) => e.report.publicId === next);
    assert.ok(live && live.seq > answer.lastSeq);
    desk.socket.disconnect();
  });
});
