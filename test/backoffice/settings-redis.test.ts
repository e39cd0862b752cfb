import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validReport } from '../helpers/fixtures.ts';
import { login, openDesk, waitFor, type DeskSocket } from '../helpers/desk.ts';
import { getJson, postJson } from '../helpers/http.ts';
import { cli, startRedis, startServer, stop, type Proc, type ServerProc } from '../helpers/processes.ts';

// With Redis, a saved setting nudges every process at once. A DPUPR desk connected to process 1
// must hear of a report routed to a UPT created and routed to on process 2, although process 1
// gets no request in between (without the nudge it would wait for its minute recheck).
describe('with Redis, a settings change nudges the other processes at once', function () {
  this.timeout(180_000);
  let dataDir: string;
  let redis: Proc & { url: string };
  let one: ServerProc;
  let two: ServerProc;
  let socket: DeskSocket | undefined;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-nudge-'));
    redis = await startRedis();
    await cli(['user', 'add', '--username', 'petugas.dpupr', '--name', 'Petugas DPUPR', '--role', 'officer', '--agency', 'dpupr', '--password-env', 'PW', '--permanent'], { DATA_DIR: dataDir, PW: 'rahasia-sekali-123' });
    // An account exists, so no first admin is seeded: the CLI makes it too.
    await cli(['user', 'add', '--username', 'admin', '--name', 'Admin', '--role', 'admin', '--password-env', 'PW', '--permanent'], { DATA_DIR: dataDir, PW: 'admin-awal-12345' });
    const env = { DATA_DIR: dataDir, REDIS_URL: redis.url, OVERDUE_SWEEP_SECONDS: '0' };
    [one, two] = await Promise.all([startServer(env), startServer(env)]);
  });
  after(async () => {
    socket?.disconnect();
    await Promise.all([one, two].filter(Boolean).map((s) => stop(s)));
    if (redis) await stop(redis);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a desk on process 1 receives live the first report of a unit made and routed to on process 2', async function () {
    // Without the nudge process 1 would rescope the desk at its minute recheck (60 s): the bound
    // below is what tells the two apart; with it the report arrives in a second or two.
    this.timeout(45_000);
    const desk = openDesk(one, await login(one, 'petugas.dpupr', 'rahasia-sekali-123'));
    socket = desk.socket;
    await desk.connected;

    const admin = await login(two, 'admin', 'admin-awal-12345');
    const headers = { Cookie: admin, Origin: two.baseUrl };
    assert.equal((await postJson(two, '/api/admin/agencies', { id: 'upt-dpupr-cepu', name: 'UPT Jalan Cepu', parentId: 'dpupr' }, headers)).status, 201);
    const current = await getJson(two, '/api/admin/routing', { Cookie: admin });
    const saved = await fetch(`${two.baseUrl}/api/admin/routing`, {
      method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': current.headers.get('etag') ?? '' },
      body: JSON.stringify({ ...current.body, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'upt-dpupr-cepu' }] }),
    });
    assert.equal(saved.status, 200);

    const report = await postJson(two, '/api/reports', validReport());
    assert.equal(report.status, 201);
    assert.equal(report.body.agency.id, 'upt-dpupr-cepu');
    await waitFor(() => desk.received.some((e) => e.report.publicId === report.body.publicId));
  });
});
