// The open-data report export at scale: time to first byte and the server's peak memory while
// it streams /data/laporan.csv (and the GeoJSON) of the whole store. Called by `npm run bench
// -- scale` on its seeded store (measureExport); alone, `npx tsx bench/export.ts --reports N`
// seeds a store of its own with `demo seed` and measures that.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './report.ts';
import type { ScaleReply } from './scale-server.ts';
import { BOOT, SERVER_V8_FLAGS } from './server-protocol.ts';

/** "Starts within a second" (issue 17). */
const TTFB_MS = 1000;
/** What the export may add to the server's RSS: a few pages, not the store. */
const PEAK_GROWTH_MB = 100;
const SAMPLE_MS = 25;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

interface Download { ttfbMs: number; totalMs: number; bytes: number; lines: number; idleMb: number; peakMb: number; status: number }

/** Downloads `path` uncompressed, reading as fast as it comes, sampling the server's RSS meanwhile. */
function download(base: string, path: string, pid: number): Promise<Download> {
  const idleMb = rssMb(pid);
  let peakMb = idleMb;
  const sampler = setInterval(() => { peakMb = Math.max(peakMb, rssMb(pid)); }, SAMPLE_MS);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      let ttfbMs = NaN;
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        if (Number.isNaN(ttfbMs)) ttfbMs = performance.now() - started;
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      });
      res.on('end', () => {
        clearInterval(sampler);
        resolve({ ttfbMs, totalMs: performance.now() - started, bytes, lines, idleMb, peakMb: Math.max(peakMb, rssMb(pid)), status: res.statusCode ?? 0 });
      });
      res.on('error', reject);
    });
    req.on('error', (err) => { clearInterval(sampler); reject(err); });
    req.end();
  });
}

export async function measureExport(base: string, pid: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const path of ['/data/laporan.csv', '/data/laporan.geojson']) {
    const d = await download(base, path, pid);
    if (d.status !== 200) {
      rows.push({ metric: `export ${path}`, value: `answered ${d.status}: not measured` });
      continue;
    }
    const growth = d.peakMb - d.idleMb;
    rows.push(
      { metric: `export ${path}: time to first byte`, value: `${d.ttfbMs.toFixed(0)} ms`, goal: `≤ ${TTFB_MS} ms`, pass: d.ttfbMs <= TTFB_MS },
      { metric: `  whole file (${(d.bytes / 1e6).toFixed(1)} MB${path.endsWith('.csv') ? `, ${d.lines - 1} rows` : ''})`, value: `${(d.totalMs / 1000).toFixed(1)} s` },
      { metric: '  server RSS, before → peak during', value: `${d.idleMb.toFixed(0)} → ${d.peakMb.toFixed(0)} MB (+${growth.toFixed(0)})`, goal: `≤ +${PEAK_GROWTH_MB} MB`, pass: growth <= PEAK_GROWTH_MB },
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reports');
  const n = Number(i >= 0 ? process.argv[i + 1] : 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-export-'));
  const root = new URL('..', import.meta.url);
  try {
    const seeded = performance.now();
    await new Promise<void>((resolve, reject) => {
      const seed = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('server/cli/main.ts', root)), 'demo', 'seed', '--reports', String(n), '--seed', '13', '--days', '1095'], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
      });
      seed.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`demo seed exited ${code}`))));
    });
    const seedS = (performance.now() - seeded) / 1000;
    const child = fork(BOOT, [fileURLToPath(new URL('./scale-server.ts', import.meta.url))], {
      // As `npm start` runs the server (see bench/scale.ts).
      execArgv: SERVER_V8_FLAGS,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', OVERDUE_SWEEP_SECONDS: '0', MALLOC_ARENA_MAX: '2' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
      child.on('message', (m: ScaleReply) => { if (m.type === 'ready') resolve(m.port); });
    });
    const rows = await measureExport(`http://127.0.0.1:${port}`, child.pid ?? 0);
    child.send({ type: 'stop' });
    console.log(`${n} reports seeded in ${seedS.toFixed(0)} s; load average ${loadavg()[0].toFixed(2)} (${process.env.EXPORT_PAGE_SIZE ?? 500} reports per page)`);
    for (const r of rows) console.log(`${r.metric}: ${r.value}${r.goal ? ` (goal ${r.goal}: ${r.pass ? 'met' : 'NOT met'})` : ''}`);
    await new Promise((resolve) => child.once('exit', resolve));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => { console.error(err); process.exit(1); });
}
