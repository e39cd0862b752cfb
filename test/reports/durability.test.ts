import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validReport } from './report-bodies.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

interface Server { child: ChildProcess; baseUrl: string; output: () => string }

/**
 * The real server as production runs it. Started as `node server/boot.cjs` (as `npm start`), not
 * `npx tsx …`: npx and the tsx CLI each run the server in a child process, so SIGKILL to the
 * spawned pid would kill a wrapper and leave the server itself running.
 */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/boot.cjs'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', MONGODB_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => { log += chunk; });
  child.stderr!.on('data', (chunk) => { log += chunk; });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine the server alone needs over 15 s to compile and start.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return { child, baseUrl, output: () => log };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready in 60 s:\n${log}`);
}

async function kill9(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGKILL');
  await exited;
}

describe('when the server is killed with SIGKILL right after answering 201', function () {
  this.timeout(150_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-kill9-'));
  const servers: Server[] = [];
  after(async () => {
    for (const s of servers) await kill9(s);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the report is there when the server starts again on the same data', async () => {
    const first = await startServer(dataDir);
    servers.push(first);
    const res = await fetch(`${first.baseUrl}/api/reports`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validReport({ confidential: false })),
    });
    const { code, publicId } = await res.json();
    await kill9(first);
    assert.equal(res.status, 201);
    assert.equal(first.child.signalCode, 'SIGKILL');

    const second = await startServer(dataDir);
    servers.push(second);
    const lookup = await fetch(`${second.baseUrl}/api/reports/${code}`);

    assert.equal(lookup.status, 200, second.output());
    const view = await lookup.json();
    assert.equal(view.publicId, publicId);
    assert.deepEqual(view.timeline.map((e: { type: string }) => e.type), ['report.created']);
  });
});
