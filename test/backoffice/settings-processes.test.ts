import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validReport } from '../helpers/fixtures.ts';
import { login } from '../helpers/desk.ts';
import { getJson, postJson } from '../helpers/http.ts';
import { cli, startServer, stop, type ServerProc } from '../helpers/processes.ts';

// Settings live in the store with a version every write raises; each process compares it
// before using settings. No Redis here at all: the store alone must carry every change.
describe('settings changed on one process or by the CLI reach every process', function () {
  this.timeout(180_000);
  let dataDir: string;
  let one: ServerProc;
  let two: ServerProc;

  const submit = async (server: ServerProc, body: Record<string, unknown> = {}) => {
    const res = await postJson(server, '/api/reports', validReport(body));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { code: string; agency: { id: string } };
  };
  const receipt = async (server: ServerProc, code: string) => (await fetch(`${server.baseUrl}/terkirim/${code}`)).text();

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-settings-'));
    const env = { DATA_DIR: dataDir, OVERDUE_SWEEP_SECONDS: '0', ADMIN_PASSWORD: 'admin-awal-12345' };
    one = await startServer(env);
    two = await startServer(env);
  });
  after(async () => {
    await Promise.all([one, two].filter(Boolean).map((s) => stop(s)));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an override saved through process 1 routes the next report taken by process 2', async () => {
    assert.equal((await submit(two)).agency.id, 'dpupr');
    const cookie = await login(one, 'admin', 'admin-awal-12345');
    const current = await getJson(one, '/api/admin/routing', { Cookie: cookie });
    const saved = await fetch(`${one.baseUrl}/api/admin/routing`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: one.baseUrl, 'If-Match': current.headers.get('etag') ?? '' },
      body: JSON.stringify({ ...current.body, overrides: [{ category: 'jalan', kecamatan: '33.16.05', agencyId: 'dinkominfo' }] }),
    });
    assert.equal(saved.status, 200);
    assert.equal((await submit(two)).agency.id, 'dinkominfo');
    // Process 2 serves the same table and ETag as process 1.
    const fromTwo = await getJson(two, '/api/admin/routing', { Cookie: await login(two, 'admin', 'admin-awal-12345') });
    assert.equal(fromTwo.headers.get('etag'), saved.headers.get('etag'));
  });

  it('a deadline and a route changed with the CLI apply on both running processes at their next request', async () => {
    await cli(['deadlines', 'set', '--category', 'jalan', '--verify', '1', '--follow-up', '2'], { DATA_DIR: dataDir });
    await cli(['routing', 'set', '--category', 'jalan', '--kecamatan', '33.16.05', '--agency', 'disdik'], { DATA_DIR: dataDir });
    for (const server of [one, two]) {
      const report = await submit(server);
      assert.equal(report.agency.id, 'disdik');
      assert.match(await receipt(server, report.code), /\(1 hari kerja\)/);
    }
    await cli(['routing', 'unset', '--category', 'jalan', '--kecamatan', '33.16.05'], { DATA_DIR: dataDir });
    assert.equal((await submit(one)).agency.id, 'dpupr');
    assert.equal((await submit(two)).agency.id, 'dpupr');
  });

  it('the CLI refuses an unknown agency, naming it, and changes nothing', async () => {
    await assert.rejects(cli(['routing', 'set', '--category', 'jalan', '--agency', 'dinas-siluman'], { DATA_DIR: dataDir }), /dinas-siluman/);
    assert.equal((await submit(two)).agency.id, 'dpupr');
  });
});
