// Report intake under load: accepted reports per second against the real app and store,
// next to a no-op JSON POST on the same server, so the ratio shows what intake itself costs.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { validReport } from '../test/helpers/fixtures.ts';
import type { SectionResult } from './report.ts';
import { BOOT, NOOP_PATH, SERVER_V8_FLAGS, type ServerMessage } from './server-protocol.ts';

export const REPORTS_PATH = '/api/reports';
const TMPFS_MAGIC = 0x01021994;

export interface SubmissionOptions {
  connections: number;
  /** Measured seconds per route, split over `rounds`. */
  durationSeconds: number;
  /**
   * The two routes take turns (no-op, intake, no-op, intake…) so that load from elsewhere on the
   * machine, which drifts over seconds, falls on both alike instead of on one of them.
   */
  rounds: number;
  warmupSeconds: number;
  /** Intake throughput as a share of the no-op route's. */
  ratioGoal: number;
}

const DEFAULTS: SubmissionOptions = { connections: 50, durationSeconds: 10, rounds: 2, warmupSeconds: 2, ratioGoal: 0.6 };

interface Load {
  seconds: number;
  sent: number;
  /** 201 responses, and the public ids their receipts named (intake only). */
  created: number;
  publicIds: string[];
  /** Anything but a 201: other statuses, socket errors, timeouts (autocannon counts those as errors). */
  failures: number;
  statusCounts: Map<string, number>;
  /** Latency samples are not kept by autocannon; p99 is the worst p99 of the runs added up. */
  p99: number;
  /** Server process CPU (user + system) spent during the runs, in ms; NaN where /proc is missing. */
  serverCpuMs: number;
}

const EMPTY: Load = { seconds: 0, sent: 0, created: 0, publicIds: [], failures: 0, statusCounts: new Map(), p99: 0, serverCpuMs: 0 };

function add(a: Load, b: Load): Load {
  const statusCounts = new Map(a.statusCounts);
  for (const [code, n] of b.statusCounts) statusCounts.set(code, (statusCounts.get(code) ?? 0) + n);
  return {
    seconds: a.seconds + b.seconds, sent: a.sent + b.sent, created: a.created + b.created, publicIds: a.publicIds.concat(b.publicIds),
    failures: a.failures + b.failures, statusCounts, p99: Math.max(a.p99, b.p99), serverCpuMs: a.serverCpuMs + b.serverCpuMs,
  };
}

/**
 * The server runs in its own process so autocannon's event loop and garbage collector are not
 * the server's: in one process the load generator would take turns with the handlers on one
 * thread and the numbers would measure both. With 2 cores each side gets about one; the server
 * process is single-threaded JS plus SQLite's fsync, so one core is what it would use anyway.
 */
function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(BOOT, [fileURLToPath(new URL('./server.ts', import.meta.url))], {
    // Booted as `npm start` boots the server, with its V8 flags. BENCH_PROFILE=1 leaves a V8 CPU
    // profile of the server in ./bench-profiles (open in Chrome DevTools).
    execArgv: [...SERVER_V8_FLAGS, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [])],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      // The only changes from production defaults: the per-address limits (submit 10/10m) would
      // refuse all but ten requests from the one load-generating address.
      RATE_LIMIT_SUBMIT: '100000000/1m',
      RATE_LIMIT_LOOKUP: '100000000/1m',
    },
    // Log lines go where production's would (stdout), here to /dev/null: their cost is counted.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve({ child, port: message.port });
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'stop' });
  });
}

/** Every request carries a fresh clientId, so each one is a new report and none is a retry. */
function reportBody(): string {
  return JSON.stringify({ ...validReport(), clientId: randomUUID() });
}

/** CPU time (user + system) the process has used so far, in ms. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks, 100 per second on Linux
  } catch {
    return NaN;
  }
}

async function load(server: { port: number; pid: number }, path: string, connections: number, seconds: number): Promise<Load> {
  const publicIds: string[] = [];
  const cpuBefore = cpuMsOf(server.pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: reportBody() }),
      onResponse: (status, body) => {
        if (status === 201 && path === REPORTS_PATH) publicIds.push((JSON.parse(body) as { publicId: string }).publicId);
      },
    }],
  });
  const statusCounts = new Map(Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, { count }]) => [code, count]));
  const responses = [...statusCounts.values()].reduce((sum, n) => sum + n, 0);
  const created = statusCounts.get('201') ?? 0;
  return {
    seconds: result.duration, sent: result.requests.sent, created, publicIds,
    failures: responses - created + result.errors, statusCounts, p99: result.latency.p99,
    serverCpuMs: cpuMsOf(server.pid) - cpuBefore,
  };
}

/** Opens the store file the server left, through the store's own port, after that process exited. */
async function readStore(file: string): Promise<{ publicIds: Set<string>; lastSeq: number; journal: string }> {
  const store = new SqliteStore(file);
  try {
    const { items } = await store.listReports({ limit: Number.MAX_SAFE_INTEGER });
    const lastSeq = await store.lastSeq();
    const db = new Database(file, { readonly: true });
    const journal = String(db.pragma('journal_mode', { simple: true }));
    db.close();
    return { publicIds: new Set(items.map((r) => r.publicId)), lastSeq, journal };
  } finally {
    await store.close();
  }
}

const statusText = (l: Load) => [...l.statusCounts].map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
const perSecond = (l: Load) => l.created / l.seconds;
const cpuPerRequest = (l: Load) => l.serverCpuMs / l.created;

export async function measureSubmissions(options: Partial<SubmissionOptions> = {}): Promise<SectionResult> {
  const o = { ...DEFAULTS, ...options };
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-warga-bench-'));
  const onTmpfs = statfsSync(dataDir).type === TMPFS_MAGIC;
  const { child, port } = await startServer(dataDir);
  const server = { port, pid: child.pid ?? 0 };
  let noop = EMPTY;
  let reports = EMPTY;
  let warmup = EMPTY;
  try {
    // Warm both paths (JIT, SQLite page cache, WAL file) before anything is measured.
    await load(server, NOOP_PATH, o.connections, o.warmupSeconds);
    warmup = await load(server, REPORTS_PATH, o.connections, o.warmupSeconds);
    const slice = o.durationSeconds / o.rounds;
    for (let round = 0; round < o.rounds; round += 1) {
      noop = add(noop, await load(server, NOOP_PATH, o.connections, slice));
      reports = add(reports, await load(server, REPORTS_PATH, o.connections, slice));
    }
  } finally {
    await stopServer(child);
  }
  // Read from the file after the server process has exited: what was acknowledged is there.
  const stored = await readStore(join(dataDir, 'suara-warga.sqlite'));
  rmSync(dataDir, { recursive: true, force: true });

  const all = add(warmup, reports);
  const missing = all.publicIds.filter((id) => !stored.publicIds.has(id)).length;
  // Requests still in flight when autocannon stopped a run were committed and answered, but
  // autocannon no longer listened: the store may hold up to that many more than it counted.
  const unseen = stored.publicIds.size - all.created;
  const ratio = perSecond(reports) / perSecond(noop);
  const cpuRatio = cpuPerRequest(noop) / cpuPerRequest(reports);
  const logLevel = process.env.LOG_LEVEL?.trim() || 'info (default)';
  return {
    rows: [
      { metric: `Reports accepted/s (POST ${REPORTS_PATH}, ${o.connections} conn, ${o.durationSeconds} s)`, value: perSecond(reports).toFixed(0) },
      { metric: '  p99 latency', value: `${reports.p99} ms` },
      { metric: '  server CPU per report', value: `${cpuPerRequest(reports).toFixed(3)} ms` },
      { metric: '  responses', value: statusText(reports) },
      { metric: `No-op JSON POST/s (same body, same server)`, value: perSecond(noop).toFixed(0) },
      { metric: '  p99 latency', value: `${noop.p99} ms` },
      { metric: '  server CPU per request', value: `${cpuPerRequest(noop).toFixed(3)} ms` },
      { metric: '  responses', value: statusText(noop) },
      { metric: 'Intake / no-op throughput ratio', value: ratio.toFixed(2), goal: `≥ ${o.ratioGoal}`, pass: ratio >= o.ratioGoal },
      { metric: '  same, as server CPU per request (no-op ÷ intake)', value: cpuRatio.toFixed(2) },
      { metric: 'Failed report requests (non-201, errors, timeouts)', value: String(reports.failures + warmup.failures), goal: '0', pass: reports.failures + warmup.failures === 0 },
      { metric: '201s acknowledged, found in the store file', value: `${all.created - missing} of ${all.created}`, goal: 'all', pass: missing === 0 && all.created > 0 },
      {
        metric: 'Reports in store = 201s + answered after stop',
        value: `${stored.publicIds.size} = ${all.created} + ${unseen} (sent ${all.sent})`,
        goal: `0 ≤ extra ≤ ${o.connections * (o.rounds + 1)}`,
        // One report.created event per report: the event log agrees with the reports table.
        pass: unseen >= 0 && unseen <= o.connections * (o.rounds + 1) && stored.lastSeq === stored.publicIds.size,
      },
    ],
    notes: [
      `Every 201 is sent only after its report is fsync'd: SQLite journal_mode=${stored.journal}, synchronous=FULL,`
        + ' group commit (the reports of one event-loop tick share one transaction and one fsync).',
      `Server in a child process on a temp DATA_DIR${onTmpfs ? ' — WARNING: tmpfs, fsync is free here' : ' (not tmpfs: fsync reaches the disk)'};`
        + ` LOG_LEVEL=${logLevel}, one access log line per request, to /dev/null; submit rate limit raised.`,
      'Server CPU per request (from /proc, user + system) moves less with other load on the machine than requests/s do;'
        + ' the gap between the two ratios is time the event loop spends blocked in the commit\'s fsync.',
      `Routes alternate in ${o.rounds} rounds of ${o.durationSeconds / o.rounds} s after a ${o.warmupSeconds} s warm-up each;`
        + ` the store also holds the ${warmup.created} warm-up reports; after the server exited, store.lastSeq() = ${stored.lastSeq}.`,
    ],
  };
}
