import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncResponse } from '../../shared/realtime.ts';
import { pupukReport } from '../helpers/fixtures.ts';
import { login, openDesk, waitFor, type DeskSocket } from '../helpers/desk.ts';
import { postJson } from '../helpers/http.ts';
import {
  childrenOf, cli, isRunning, startRedis, startServer, stop, waitUntil, type Proc, type ServerProc,
} from '../helpers/processes.ts';

const PASSWORD = 'rahasia-sekali-123';

function sync(socket: DeskSocket, afterSeq: number): Promise<SyncResponse> {
  return new Promise((resolve, reject) => {
    socket.emit('sync', { afterSeq }, (answer) => ('error' in answer ? reject(new Error(answer.error.code)) : resolve(answer)));
  });
}

/** Each call is a different citizen (TRUST_PROXY=loopback believes X-Forwarded-For from the test). */
let address = 0;
const newCitizen = () => `10.0.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

async function submit(server: ServerProc, from = newCitizen()): Promise<{ status: number; code: string }> {
  const res = await postJson(server, '/api/reports', pupukReport(), { 'X-Forwarded-For': from });
  return { status: res.status, code: res.body.publicId as string };
}

describe('several server processes sharing one store and one Redis', function () {
  this.timeout(180_000);
  let dataDir: string;
  let redis: Proc & { url: string };
  let one: ServerProc;
  let two: ServerProc;
  let cookie: string;
  const sockets: DeskSocket[] = [];
  const desk = (server: ServerProc) => {
    const opened = openDesk(server, cookie);
    sockets.push(opened.socket);
    return opened;
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-scale-'));
    redis = await startRedis();
    await cli(['user', 'add', '--username', 'satgas1', '--name', 'Satgas Satu', '--role', 'officer', '--agency', 'satgas-pupuk', '--password-env', 'PW', '--permanent'], { DATA_DIR: dataDir, PW: PASSWORD });
    const env = {
      DATA_DIR: dataDir, REDIS_URL: redis.url, RATE_LIMIT_SUBMIT: '3/1m', TRUST_PROXY: 'loopback', OVERDUE_SWEEP_SECONDS: '0',
    };
    [one, two] = await Promise.all([startServer(env), startServer(env)]);
    cookie = await login(one, 'satgas1', PASSWORD);
  });
  afterEach(() => { while (sockets.length) sockets.pop()?.disconnect(); });
  after(async () => {
    const servers = [one, two].filter(Boolean);
    const endings = await Promise.all(servers.map((s) => stop(s)));
    if (redis) await stop(redis);
    rmSync(dataDir, { recursive: true, force: true });
    // Both servers shut down gracefully (exit 0 on SIGTERM, Redis clients closed), and nothing is left.
    for (const ending of endings) assert.deepEqual(ending, { code: 0, signal: null });
    for (const proc of [...servers, redis]) assert.equal(isRunning(proc.child.pid!), false);
  });

  it('a desk connected to process 1 receives a report submitted to process 2, exactly once', async () => {
    const onOne = desk(one);
    const onTwo = desk(two);
    await Promise.all([onOne.connected, onTwo.connected]);

    const { status, code } = await submit(two);
    assert.equal(status, 201);

    await waitFor(() => onOne.received.some((e) => e.report.publicId === code) && onTwo.received.some((e) => e.report.publicId === code));
    // A duplicate would be emitted before a later report: once that one has arrived on both, the
    // count is final (no sleep).
    const { code: barrier } = await submit(two);
    await waitFor(() => onOne.received.some((e) => e.report.publicId === barrier) && onTwo.received.some((e) => e.report.publicId === barrier));
    assert.equal(onOne.received.filter((e) => e.report.publicId === code).length, 1);
    assert.equal(onTwo.received.filter((e) => e.report.publicId === code).length, 1);
  });

  it('a rate limit counts across processes: 2 submissions to process 1 and 1 to process 2 pass, the 4th to either is 429', async () => {
    const citizen = newCitizen();
    const passed = [await submit(one, citizen), await submit(one, citizen), await submit(two, citizen)];
    assert.deepEqual(passed.map((r) => r.status), [201, 201, 201]);
    assert.equal((await submit(two, citizen)).status, 429);
    assert.equal((await submit(one, citizen)).status, 429);
    // Another address is not affected.
    assert.equal((await submit(two)).status, 201);
  });

  it('a desk that reconnects to the other process gets every missed event once via sync, then live events', async () => {
    const before = desk(one);
    await before.connected;
    const { lastSeq } = await sync(before.socket, 0);
    before.socket.disconnect();

    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { status, code } = await submit(i % 2 === 0 ? one : two);
      assert.equal(status, 201);
      codes.push(code);
    }

    const after = desk(two);
    await after.connected;
    const answer = await sync(after.socket, lastSeq);
    assert.deepEqual(answer.events.filter((e) => e.type === 'report.created').map((e) => e.report.publicId), codes);
    assert.equal(new Set(answer.events.map((e) => e.seq)).size, answer.events.length);

    const { code: next } = await submit(one);
    await waitFor(() => after.received.some((e) => e.report.publicId === next));
    assert.ok(after.received.find((e) => e.report.publicId === next)!.seq > answer.lastSeq);
  });

  it('logging out on one process disconnects the session\'s desk on the other at once', async () => {
    const session = await login(two, 'satgas1', PASSWORD);
    const opened = openDesk(one, session);
    sockets.push(opened.socket);
    await opened.connected;
    const closed = new Promise<string>((resolve) => opened.socket.once('disconnect', resolve));
    const res = await fetch(`${two.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: session, Origin: two.baseUrl } });
    assert.equal(res.status, 204);
    assert.equal(await closed, 'io server disconnect');
  });

  it('with several processes the desk namespace refuses long-polling (WebSocket only)', async () => {
    const res = await fetch(`${one.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { Cookie: cookie } });
    assert.equal(res.status, 400);
  });

  // Last in this block: it stops Redis, and the after hook then checks shutdown without it.
  it('while Redis is down, a citizen can still submit (limits pass open) and nothing hangs', async () => {
    await stop(redis);
    const started = Date.now();
    assert.equal((await submit(one)).status, 201);
    assert.equal((await submit(two)).status, 201);
    assert.ok(Date.now() - started < 5000, 'submissions should not wait for Redis');
  });
});

describe('WORKERS=2 on one port (node:cluster)', function () {
  this.timeout(180_000);
  let dataDir: string;
  let redis: Proc & { url: string };
  let primary: ServerProc;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-cluster-'));
    redis = await startRedis();
    primary = await startServer({ DATA_DIR: dataDir, REDIS_URL: redis.url, WORKERS: '2', OVERDUE_SWEEP_SECONDS: '0', ADMIN_PASSWORD: PASSWORD });
  });
  after(async () => {
    if (primary) await stop(primary);
    if (redis) await stop(redis);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start without REDIS_URL, naming it', async () => {
    const refused = await startServer({ DATA_DIR: dataDir, WORKERS: '2' }).then(() => null, (err: Error) => err.message);
    assert.match(refused ?? '', /WORKERS=2 perlu REDIS_URL/);
  });

  it('replaces a worker that dies, and SIGTERM stops the primary and every worker gracefully', async () => {
    await waitUntil(() => childrenOf(primary.child.pid!, 'server/boot.cjs').length === 2, 60_000);
    const [victim] = childrenOf(primary.child.pid!, 'server/boot.cjs');
    process.kill(victim, 'SIGKILL');
    await waitUntil(() => {
      const workers = childrenOf(primary.child.pid!, 'server/boot.cjs');
      return workers.length === 2 && !workers.includes(victim);
    }, 60_000);
    // Still serving, and the first admin was seeded once, by the primary.
    await login(primary, 'admin', PASSWORD);

    const workers = childrenOf(primary.child.pid!, 'server/boot.cjs');
    assert.deepEqual(await stop(primary), { code: 0, signal: null });
    for (const pid of workers) assert.equal(isRunning(pid), false, `worker ${pid} left running`);
  });
});
