// `npm run bench -- scale [--reports N] [--store DIR]`: the hotline at a regency's real volume
// (default 1,000,000 reports). Seeds a fresh store (or, with --store, reuses the one seeded
// there by an earlier run, seeding it only when it is empty), starts the server on it, and measures every desk,
// map, statistics, nearby and public read (p50/p99) beside a primary-key read of the same run;
// then, while an executive's map loads all its panels and ten desks search at once, the
// server's event-loop delay, /healthz and desk pushes; intake against a no-op route; and RSS
// with 1,000 desk sockets.
import autocannon from 'autocannon';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { MAP_PIN_LIMIT } from '../shared/map.ts';
import { DESK_TRANSPORTS } from '../shared/realtime.ts';
import { loadRegion } from '../server/reference/region.ts';
import { validReport } from '../test/helpers/fixtures.ts';
import type { Row, SectionResult } from './report.ts';
import type { ScaleControl, ScaleReply } from './scale-server.ts';
import { cpuLoopMs } from './cpu-speed.ts';
import { BOOT, NOOP_PATH, SERVER_V8_FLAGS } from './server-protocol.ts';
import { measureExport } from './export.ts';
import { cpuBetween, threadCpu, type ThreadCpu } from './thread-cpu.ts';

const PASSWORD = 'bench-password-123';
const ONE_TIME_PASSWORD = 'bench-one-time-456';
const READ_P50_MS = 20;
const READ_P99_MS = 50;
const LOOP_P99_MS = 20;
const LOOP_MAX_MS = 100;
const HEALTHZ_P99_MS = 50;
const PUSH_P99_MS = 50;
const INTAKE_RATIO = 0.6;
const RSS_MB = 300;
const MEMORY_SOCKETS = 1000;
/**
 * Samples per read, bounded by time so a slow read at 1M does not take the afternoon. 100, so
 * that a p99 is one: of 25 samples the "p99" was the slowest, and one pause of the shared host
 * decided a read (now it is the second slowest of 100).
 */
const SAMPLES = 100;
const READ_BUDGET_MS = 12_000;
const LOAD_SECONDS = 10;
/** How far ahead the sweep's clock runs (see sweepRows). */
const SWEEP_AHEAD_DAYS = 3;

/** `--reports N` (also SCALE_REPORTS); 1,000,000 by default. */
export function reportsToSeed(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): number {
  const i = argv.indexOf('--reports');
  const raw = i >= 0 ? argv[i + 1] : env.SCALE_REPORTS;
  const n = raw === undefined ? 1_000_000 : Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--reports wants a positive whole number, got ${raw}`);
  return n;
}

/**
 * `--store DIR` (also SCALE_STORE_DIR): a data directory kept between runs. Seeding a million
 * reports takes long on a shared machine; a store seeded once is measured again and again.
 * Each run adds its own few thousand reports (pushes, intake) and announces overdue ones.
 */
export function storeDir(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string | null {
  const i = argv.indexOf('--store');
  const dir = i >= 0 ? argv[i + 1] : env.SCALE_STORE_DIR;
  if (dir === undefined || dir === '') return null;
  if (dir.startsWith('--')) throw new Error('--store wants a directory');
  return dir;
}

/** The parts of a run, in order; `--only load,intake` (also SCALE_ONLY) runs just those, to compare one change quickly. */
const PARTS = ['reads', 'export', 'sweep', 'load', 'intake', 'rss'] as const;
type Part = (typeof PARTS)[number];

export function partsToRun(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Set<Part> {
  const i = argv.indexOf('--only');
  const raw = i >= 0 ? argv[i + 1] : env.SCALE_ONLY;
  if (raw === undefined || raw === '') return new Set(PARTS);
  const asked = raw.split(',').map((p) => p.trim());
  const unknown = asked.filter((p) => !PARTS.some((known) => known === p));
  if (unknown.length > 0) throw new Error(`--only wants some of ${PARTS.join(',')}, got ${unknown.join(',')}`);
  return new Set(PARTS.filter((p) => asked.includes(p)));
}

/** The SQLite file of a data directory (server/store/open.ts names it so). */
const STORE_FILE = 'suara-warga.sqlite';

const now = () => performance.now();

/** The regency's bounding box: a map view that holds every pin. */
const BOX = (() => {
  const b = loadRegion('33.16').bounds;
  if (!b) throw new Error('Blora ships with its bounds');
  return b;
})();
const SEED = 13;
const SEED_DAYS = 3 * 365;

/**
 * Seeds the store with `npm run cli -- demo seed`, exactly as an operator would (the CLI makes
 * `admin` with ADMIN_PASSWORD), and returns the sample tracking codes it prints.
 */
function demoSeed(dataDir: string, n: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../server/cli/main.ts', import.meta.url)),
    'demo', 'seed', '--reports', String(n), '--seed', String(SEED), '--days', String(SEED_DAYS)], {
    env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => { stdout += d; });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const codes = /Contoh nomor laporan: (.+)/.exec(stdout)?.[1].split(', ').map((c) => c.trim());
      if (code !== 0 || !codes?.length) reject(new Error(`demo seed failed (exit ${code}): ${stdout}`));
      else resolve(codes);
    });
  });
}

/**
 * SCALE_SEED_CACHE=<folder>: seeds N reports once into <folder>/<N> and copies that store for
 * each run, so before/after comparisons run back to back on the same data without seeding twice.
 */
async function seededStore(dataDir: string, n: number): Promise<{ codes: string[]; cached: boolean }> {
  const cache = process.env.SCALE_SEED_CACHE;
  if (!cache) return { codes: await demoSeed(dataDir, n), cached: false };
  const seeded = join(cache, String(n));
  const codesFile = join(seeded, 'sample-codes.json');
  const cached = existsSync(codesFile);
  if (!cached) {
    rmSync(seeded, { recursive: true, force: true });
    const codes = await demoSeed(seeded, n);
    writeFileSync(codesFile, JSON.stringify(codes));
  }
  cpSync(seeded, dataDir, { recursive: true, filter: (source) => source !== codesFile });
  return { codes: JSON.parse(readFileSync(codesFile, 'utf8')) as string[], cached };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

interface Server { child: ChildProcess; base: string; startMs: number }

function startServer(dataDir: string): Promise<Server> {
  const child = fork(BOOT, [fileURLToPath(new URL('./scale-server.ts', import.meta.url))], {
    // As `npm start` runs the server (server/boot.cjs, its V8 flag and MALLOC_ARENA_MAX, see
    // README), so RSS is measured as served. BENCH_PROFILE=1 leaves a V8 CPU profile of the
    // server's main thread in ./bench-profiles (as bench/submissions.ts).
    execArgv: [...SERVER_V8_FLAGS, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [])],
    env: {
      ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ADMIN_PASSWORD: PASSWORD, OVERDUE_SWEEP_SECONDS: '0', MALLOC_ARENA_MAX: '2',
      RATE_LIMIT_SUBMIT: '100000000/1m', RATE_LIMIT_LOOKUP: '100000000/1m', RATE_LIMIT_LOGIN: '100000/1m',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`scale server exited early (code ${code})`)));
    child.on('message', (m: ScaleReply) => {
      if (m.type === 'ready') resolve({ child, base: `http://127.0.0.1:${m.port}`, startMs: m.startMs });
    });
  });
}

function control(server: Server, message: ScaleControl): Promise<ScaleReply | null> {
  if (message.type !== 'loop-read' && message.type !== 'sweep') {
    server.child.send(message);
    return Promise.resolve(null);
  }
  const answer = message.type === 'sweep' ? 'swept' : 'loop';
  return new Promise((resolve) => {
    const on = (m: ScaleReply) => {
      if (m.type !== answer) return;
      server.child.off('message', on);
      resolve(m);
    };
    server.child.on('message', on);
    server.child.send(message);
  });
}

async function stopServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.send({ type: 'stop' } satisfies ScaleControl);
  });
}

interface Session { cookie: string; origin: Record<string, string> }

async function post(base: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; cookie: string }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

async function login(base: string, username: string, password = PASSWORD): Promise<Session> {
  const origin = { Origin: base };
  const res = await post(base, '/api/auth/login', { username, password }, origin);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { cookie: res.cookie, origin };
}

/** An account made by the admin has a one-time password: it is changed (to the same) at first login, as a person would. */
async function addUser(base: string, admin: Session, user: Record<string, unknown>): Promise<Session> {
  const res = await post(base, '/api/admin/users', { password: ONE_TIME_PASSWORD, ...user }, { ...admin.origin, Cookie: admin.cookie });
  // A reused store has the account from an earlier run, its password already changed.
  if (res.status === 409) return login(base, String(user.username));
  if (res.status !== 201) throw new Error(`user ${String(user.username)}: ${res.status} ${JSON.stringify(res.body)}`);
  const first = await login(base, String(user.username), ONE_TIME_PASSWORD);
  const changed = await post(base, '/api/auth/password', { currentPassword: ONE_TIME_PASSWORD, newPassword: PASSWORD }, { ...first.origin, Cookie: first.cookie });
  if (changed.status !== 200) throw new Error(`password of ${String(user.username)}: ${changed.status} ${JSON.stringify(changed.body)}`);
  return login(base, String(user.username));
}

/** One GET, timed to the last byte; a non-2xx is an error (a fast 404 would flatter the numbers). */
async function timedGet(base: string, path: string, session?: Session): Promise<number> {
  const started = now();
  const res = await fetch(`${base}${path}`, { headers: session ? { ...session.origin, Cookie: session.cookie } : {} });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
  return now() - started;
}

/** `judged: false`: shown for comparison, not a read the pages make, so held to no goal. */
interface Read { name: string; path: string; session?: Session; judged?: false }

async function sampleRead(base: string, read: Read): Promise<number[]> {
  await timedGet(base, read.path, read.session); // warm: the first call compiles statements
  const samples: number[] = [];
  const until = now() + READ_BUDGET_MS;
  while (samples.length < SAMPLES && (samples.length < 5 || now() < until)) samples.push(await timedGet(base, read.path, read.session));
  return samples;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Everything at once for LOAD_SECONDS (at least one full map load): the loop, /healthz and pushes. */
async function underLoad(server: Server, exec: Session, desks: Session[], pusher: Session): Promise<{ loop: { p99Ms: number; maxMs: number }; healthz: number[]; push: number[]; mapLoads: number; searches: number; pushesSent: number }> {
  const socket: Socket = connect(`${server.base}/desk`, { transports: [...DESK_TRANSPORTS], forceNew: true, reconnection: false, extraHeaders: { ...pusher.origin, Cookie: pusher.cookie } });
  await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
  const sentAt = new Map<string, number>();
  const push: number[] = [];
  const early = new Map<string, number>();
  socket.on('report:created', (p: { report: { description?: string; excerpt?: string } }) => {
    const key = p.report.excerpt ?? '';
    const at = now();
    const sent = sentAt.get(key);
    if (sent === undefined) early.set(key, at);
    else push.push(at - sent);
  });
  await control(server, { type: 'loop-reset' });
  const until = now() + LOAD_SECONDS * 1000;
  let mapLoads = 0;
  let searches = 0;
  let pushesSent = 0;
  const healthz: number[] = [];
  const map = (async () => {
    do {
      await Promise.all(['/api/map/kecamatan', `/api/map/pins?bbox=${BOX.minLng},${BOX.minLat},${BOX.maxLng},${BOX.maxLat}&limit=${MAP_PIN_LIMIT}`, '/api/stats/agencies', '/api/stats/pupuk', '/api/stats/trend']
        .map((path) => timedGet(server.base, path, exec)));
      mapLoads += 1;
    } while (now() < until);
  })();
  const words = ['berlubang', 'kios', 'puskesmas', 'sekolah', 'bansos', 'sapi', 'jembatan', 'urea', 'izin', 'lampu'];
  const searching = desks.map(async (desk, i) => {
    while (now() < until || mapLoads === 0) {
      await timedGet(server.base, `/api/desk/reports?q=${words[i % words.length]}&limit=50`, desk);
      searches += 1;
    }
  });
  const health = (async () => {
    while (now() < until || mapLoads === 0) {
      healthz.push(await timedGet(server.base, '/healthz'));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const pushes = (async () => {
    while (now() < until || mapLoads === 0) {
      const description = `Laporan uji skala nomor ${pushesSent} untuk meja dinas, jalan berlubang.`;
      const at = now();
      sentAt.set(description, at);
      pushesSent += 1;
      const res = await post(server.base, '/api/reports', validReport({ description }), {});
      if (res.status !== 201) throw new Error(`push report: ${res.status} ${JSON.stringify(res.body)}`);
      const arrived = early.get(description);
      if (arrived !== undefined) push.push(arrived - at);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.all([map, ...searching, health, pushes]);
  await new Promise((r) => setTimeout(r, 300));
  socket.disconnect();
  const loop = await control(server, { type: 'loop-read' });
  return { loop: loop && loop.type === 'loop' ? loop : { p99Ms: NaN, maxMs: NaN }, healthz, push, mapLoads, searches, pushesSent };
}

/** Reports in the store, as the executive's map counts them (all time). */
async function storedReports(base: string, exec: Session): Promise<number> {
  const res = await fetch(`${base}/api/map/kecamatan`, { headers: { ...exec.origin, Cookie: exec.cookie } });
  const body = (await res.json()) as { total?: number };
  return body.total ?? NaN;
}

/** Public ids to read by key and search for, when the store was seeded by an earlier run: the newest resolved, not confidential. */
async function samplesOf(base: string, exec: Session): Promise<string[]> {
  const res = await fetch(`${base}/api/desk/reports?status=resolved&limit=50`, { headers: { ...exec.origin, Cookie: exec.cookie } });
  const body = (await res.json()) as { items: { publicId: string; confidential: boolean }[] };
  const ids = body.items.filter((r) => !r.confidential).map((r) => r.publicId);
  if (ids.length === 0) throw new Error('no sample reports in the reused store');
  return ids;
}

/**
 * The overdue sweep over the whole store with a backlog: the server's clock is moved
 * SWEEP_AHEAD_DAYS ahead for the sweep, so every open report due before then is overdue and
 * not yet announced (thousands at 1M); then a later sweep five minutes on, as the interval
 * would run it. The loop delay is measured during each.
 */
async function sweepRows(server: Server): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [label, offsetMs] of [['first sweep (whole backlog)', 0], ['a later sweep (5 min on)', 5 * 60_000]] as const) {
    const reply = await control(server, { type: 'sweep', aheadMs: SWEEP_AHEAD_DAYS * 86_400_000 + offsetMs });
    if (!reply || reply.type !== 'swept') continue;
    rows.push(
      { metric: `overdue sweep, ${label}: ${reply.announced} announced in ${(reply.ms / 1000).toFixed(1)} s`, value: `loop max ${ms(reply.maxMs)}, p99 ${ms(reply.p99Ms)}`, goal: `max ≤ ${LOOP_MAX_MS} ms`, pass: reply.maxMs <= LOOP_MAX_MS },
    );
  }
  return rows;
}

async function throughput(base: string, path: string, seconds: number): Promise<{ perSecond: number; requests: number }> {
  const result = await autocannon({
    url: base, connections: 20, duration: seconds,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: JSON.stringify(validReport()) }) }],
  });
  const requests = result['2xx'] ?? 0;
  return { perSecond: requests / result.duration, requests };
}

interface RouteLoad { perSecond: number; requests: number; cpu: ThreadCpu | null }

/** Throughput of one route for `seconds`, with the server's CPU per thread meanwhile. */
async function routeLoad(server: Server, path: string, seconds: number): Promise<RouteLoad> {
  const pid = server.child.pid ?? 0;
  const before = await threadCpu(pid);
  const { perSecond, requests } = await throughput(server.base, path, seconds);
  const after = await threadCpu(pid);
  return { perSecond, requests, cpu: before && after ? cpuBetween(before, after) : null };
}

function addLoads(a: RouteLoad | null, b: RouteLoad): RouteLoad {
  if (!a) return b;
  const cpu = a.cpu && b.cpu ? { mainMs: a.cpu.mainMs + b.cpu.mainMs, otherMs: a.cpu.otherMs + b.cpu.otherMs } : null;
  return { perSecond: (a.perSecond + b.perSecond) / 2, requests: a.requests + b.requests, cpu };
}

/** Intake vs the no-op route, alternating twice after a warm-up, 3 s each. */
async function intakeRatio(server: Server): Promise<{ intake: RouteLoad; noop: RouteLoad }> {
  await throughput(server.base, NOOP_PATH, 1);
  await throughput(server.base, '/api/reports', 1);
  let intake: RouteLoad | null = null;
  let noop: RouteLoad | null = null;
  for (let round = 0; round < 2; round += 1) {
    noop = addLoads(noop, await routeLoad(server, NOOP_PATH, 3));
    intake = addLoads(intake, await routeLoad(server, '/api/reports', 3));
  }
  if (!intake || !noop) throw new Error('no intake rounds ran');
  return { intake, noop };
}

/**
 * What a request costs the server in CPU, on the event loop and on its other threads: the
 * no-op route's event-loop cost over intake's is the ratio intake could reach were the CPU
 * all the event loop's; the other threads' (the SQLite writer's commit) compete with it for
 * the two cores. Informational: the goal is the rate ratio above.
 */
function intakeCpuRows({ intake, noop }: { intake: RouteLoad; noop: RouteLoad }): Row[] {
  if (!intake.cpu || !noop.cpu || intake.requests === 0 || noop.requests === 0) return [];
  const perRequest = (load: RouteLoad, ms: number) => (ms * 1000) / load.requests;
  const intakeMain = perRequest(intake, intake.cpu.mainMs);
  const noopMain = perRequest(noop, noop.cpu.mainMs);
  return [
    { metric: '  CPU per request, event loop: no-op / intake', value: `${noopMain.toFixed(0)} / ${intakeMain.toFixed(0)} µs (${(noopMain / intakeMain).toFixed(2)})` },
    { metric: '  CPU per request, other threads: no-op / intake', value: `${perRequest(noop, noop.cpu.otherMs).toFixed(0)} / ${perRequest(intake, intake.cpu.otherMs).toFixed(0)} µs` },
  ];
}

function rssRow(when: string, rss: { idle: number; loaded: number }): Row {
  return { metric: `server RSS ${when}, idle → ${MEMORY_SOCKETS} desk sockets`, value: `${rss.idle.toFixed(0)} → ${rss.loaded.toFixed(0)} MB`, goal: `≤ ${RSS_MB} MB`, pass: rss.loaded <= RSS_MB };
}

async function rssWithSockets(server: Server, sessions: Session[]): Promise<{ idle: number; loaded: number }> {
  const idle = rssMb(server.child.pid ?? 0);
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < MEMORY_SOCKETS; i += 1) {
      const s = sessions[i % sessions.length];
      sockets.push(connect(`${server.base}/desk`, { transports: [...DESK_TRANSPORTS], forceNew: true, reconnection: false, extraHeaders: { ...s.origin, Cookie: s.cookie } }));
    }
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve, reject) => {
      if (socket.connected) resolve();
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    })));
    await new Promise((r) => setTimeout(r, 500));
    return { idle, loaded: rssMb(server.child.pid ?? 0) };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

export async function measureScale(n = reportsToSeed(), kept = storeDir(), parts = partsToRun()): Promise<SectionResult> {
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'suara-warga-bench-scale-'));
  const loads = [`start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`];
  const cpuLoops = [`start ${cpuLoopMs().toFixed(0)}`];
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    let samplePublicIds: string[] = [];
    if (kept && existsSync(join(dataDir, STORE_FILE))) {
      notes.push(`Store reused from ${dataDir} (seeded by an earlier run; each run adds its pushes and intake reports, and announces overdue ones).`);
    } else {
      mkdirSync(dataDir, { recursive: true });
      const seedStarted = now();
      const seeded = await seededStore(dataDir, n);
      samplePublicIds = seeded.codes;
      const seedSeconds = (now() - seedStarted) / 1000;
      rows.push(seeded.cached
        ? { metric: 'reports seeded by demo seed through the write path', value: `${n}, copied from SCALE_SEED_CACHE` }
        : { metric: `reports seeded by demo seed through the write path (bulk load)`, value: `${n} in ${seedSeconds.toFixed(0)} s (${Math.round(n / seedSeconds)}/s), load ${loadavg()[0].toFixed(2)}` });
    }

    const server = await startServer(dataDir);
    try {
      rows.push({ metric: 'server start on that store (migrations included)', value: ms(server.startMs) });
      const admin = await login(server.base, 'admin');
      const exec = await addUser(server.base, admin, { username: 'bench-bupati', name: 'Bupati', role: 'executive' });
      const deskAgencies = ['satgas-pupuk', 'satgas-pupuk', 'satgas-pupuk', 'dpupr', 'dpupr', 'dpupr', 'dinkes', 'disdik', 'dinsos-p3a', 'dinkominfo'];
      const desks: Session[] = [];
      for (const [i, agencyId] of deskAgencies.entries()) desks.push(await addUser(server.base, admin, { username: `bench-desk-${i}`, name: `Meja ${i}`, role: 'officer', agencyId }));
      const [pupukDesk, , , jalanDesk] = [desks[0], desks[1], desks[2], desks[3]];
      const total = await storedReports(server.base, exec);
      rows.push({ metric: 'reports in the store', value: total.toLocaleString('en') });
      if (samplePublicIds.length === 0) samplePublicIds = await samplesOf(server.base, exec);
      const code = samplePublicIds[Math.floor(samplePublicIds.length / 2)];
      const bbox = `${BOX.minLng},${BOX.minLat},${BOX.maxLng},${BOX.maxLat}`;
      const reads: Read[] = [
        { name: 'desk queue (Satgas Pupuk officer)', path: '/api/desk/reports?limit=50', session: pupukDesk },
        { name: 'desk queue (executive, all agencies)', path: '/api/desk/reports?limit=50', session: exec },
        { name: 'desk filter: status new, category jalan', path: '/api/desk/reports?status=new&category=jalan&limit=50', session: exec },
        { name: 'desk filter: kecamatan Cepu, in progress', path: '/api/desk/reports?kecamatan=33.16.05&status=in_progress&limit=50', session: exec },
        { name: 'desk search: a word (berlubang, DPUPR)', path: '/api/desk/reports?q=berlubang&limit=50', session: jalanDesk },
        { name: 'desk search: a word with no hit', path: '/api/desk/reports?q=zzqxv&limit=50', session: exec },
        { name: 'desk search: a public id', path: `/api/desk/reports?q=${encodeURIComponent(code)}&limit=50`, session: exec },
        { name: 'desk overdue filter', path: '/api/desk/reports?overdue=1&limit=50', session: exec },
        { name: 'map: kecamatan counts, all time', path: '/api/map/kecamatan', session: exec },
        { name: 'map: kecamatan counts, one month', path: '/api/map/kecamatan?from=2026-01-01&to=2026-01-31', session: exec },
        { name: `map: pins in the regency box (${MAP_PIN_LIMIT.toLocaleString('en')}, as the map asks)`, path: `/api/map/pins?bbox=${bbox}&limit=${MAP_PIN_LIMIT}`, session: exec },
        { name: 'map: a kecamatan\'s report list (Cepu, 50)', path: '/api/map/reports?kecamatan=33.16.05&limit=50', session: exec },
        // What the clustered map asked for until it got its lean answer: kept for comparison.
        { name: 'map: full report features in the regency box (1,000; no page asks for these)', path: `/api/map/reports?bbox=${bbox}`, session: exec, judged: false },
        { name: 'stats: agencies', path: '/api/stats/agencies', session: exec },
        { name: 'stats: pupuk', path: '/api/stats/pupuk', session: exec },
        { name: 'stats: 12-week trend', path: '/api/stats/trend', session: exec },
        // The public pages' filtered forms (issue 16); the plain /laporan and /statistik are added below.
        { name: 'public: /laporan, kecamatan Cepu, jalan, in progress', path: '/laporan?kecamatan=33.16.05&category=jalan&status=in_progress' },
        { name: 'public: /laporan, one desa', path: '/laporan?kecamatan=33.16.05&desa=33.16.05.2001' },
        { name: 'public: /laporan.atom, kecamatan Cepu', path: '/laporan.atom?kecamatan=33.16.05' },
        { name: 'public: map counts and road pins, kecamatan Cepu', path: '/api/public/map?kecamatan=33.16.05' },
        { name: 'nearby (citizen form, jalan at a point)', path: `/api/reports/nearby?category=jalan&desa=33.16.05.2001&lat=-7.15&lng=111.4` },
      ];
      for (const [name, path] of [['public list /laporan', '/laporan'], ['public statistics /statistik', '/statistik']] as const) {
        const res = await fetch(`${server.base}${path}`);
        await res.arrayBuffer();
        if (res.ok) reads.push({ name, path });
        else notes.push(`${path} answers ${res.status} on this build: not measured.`);
      }
      if (!parts.has('reads')) reads.length = 0;
      const pk = await sampleRead(server.base, { name: 'pk', path: `/api/desk/reports/${encodeURIComponent(code)}`, session: exec });
      const pk50 = percentile(pk, 50);
      rows.push({ metric: 'primary-key read (desk report by code), p50 / p99', value: `${ms(pk50)} / ${ms(percentile(pk, 99))}` });
      for (const read of reads) {
        process.stderr.write(`  read: ${read.name}\n`);
        const samples = await sampleRead(server.base, read);
        const p50 = percentile(samples, 50);
        const p99 = percentile(samples, 99);
        const value = `${ms(p50)} / ${ms(p99)} (${(p50 / pk50).toFixed(1)}×)`;
        rows.push(read.judged === false ? { metric: `${read.name}, p50 / p99 (×PK)`, value } : {
          metric: `${read.name}, p50 / p99 (×PK)`, value, goal: `≤ ${READ_P50_MS} / ${READ_P99_MS} ms`, pass: p50 <= READ_P50_MS && p99 <= READ_P99_MS,
        });
      }

      loads.push(`after reads ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      cpuLoops.push(`after reads ${cpuLoopMs().toFixed(0)}`);
      // The goal's figure: the server as desks and the map use it (every read above done), with
      // 1,000 desk sockets. Measured again at the end, after the exports' and intake's peaks,
      // which the allocators keep.
      if (parts.has('rss')) rows.push(rssRow('after the reads', await rssWithSockets(server, [exec, ...desks])));
      if (parts.has('export')) rows.push(...await measureExport(server.base, server.child.pid ?? 0));
      if (parts.has('sweep')) {
        process.stderr.write('  overdue sweep with a backlog\n');
        rows.push(...await sweepRows(server));
      }
      if (parts.has('load')) {
        process.stderr.write('  under load: executive map + ten desks searching\n');
        const loaded = await underLoad(server, exec, desks, jalanDesk);
        const h99 = percentile(loaded.healthz, 99);
        const p99 = percentile(loaded.push, 99);
        rows.push(
          { metric: `load: ${loaded.mapLoads} full map loads, ${loaded.searches} desk searches, ${loaded.pushesSent} reports`, value: `${LOAD_SECONDS}+ s` },
          { metric: '  event-loop delay p99', value: ms(loaded.loop.p99Ms), goal: `≤ ${LOOP_P99_MS} ms`, pass: loaded.loop.p99Ms <= LOOP_P99_MS },
          { metric: '  event-loop delay max', value: ms(loaded.loop.maxMs), goal: `≤ ${LOOP_MAX_MS} ms`, pass: loaded.loop.maxMs <= LOOP_MAX_MS },
          { metric: `  /healthz p99 (${loaded.healthz.length} probes)`, value: ms(h99), goal: `≤ ${HEALTHZ_P99_MS} ms`, pass: h99 <= HEALTHZ_P99_MS },
          // p50 and p90 beside it: with a hundred pushes the p99 is one or two of them (a slow fsync).
          { metric: `  desk push p99 (p50 / p90), request sent → socket (${loaded.push.length} of ${loaded.pushesSent})`, value: `${ms(p99)} (${ms(percentile(loaded.push, 50))} / ${ms(percentile(loaded.push, 90))})`, goal: `≤ ${PUSH_P99_MS} ms`, pass: p99 <= PUSH_P99_MS && loaded.push.length === loaded.pushesSent },
        );
      }

      if (parts.has('intake')) {
        process.stderr.write('  intake vs no-op\n');
        const routes = await intakeRatio(server);
        const ratio = routes.intake.perSecond / routes.noop.perSecond;
        rows.push(
          { metric: `intake / no-op (${routes.intake.perSecond.toFixed(0)} / ${routes.noop.perSecond.toFixed(0)} per s)`, value: ratio.toFixed(2), goal: `≥ ${INTAKE_RATIO}`, pass: ratio >= INTAKE_RATIO },
          ...intakeCpuRows(routes),
        );
      }

      if (parts.has('rss')) rows.push(rssRow('at the end (after exports, sweep, load and intake)', await rssWithSockets(server, [exec, ...desks])));
    } finally {
      await stopServer(server);
    }
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
  loads.push(`end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  cpuLoops.push(`end ${cpuLoopMs().toFixed(0)}`);
  notes.push(
    `Load average (1, 5, 15 min) during the run: ${loads.join('; ')}.`,
    `A fixed CPU loop (bench/cpu-speed.ts) took ${cpuLoops.join('; ')} ms: on a shared host every figure above moves with it.`,
    `${n} reports seeded by \`npm run cli -- demo seed --seed ${SEED} --days ${SEED_DAYS}\` (30 % pupuk, 30 % jalan; statuses moved along by officers; 60 % with a GPS point), SQLite (SQLITE_WORKER=${process.env.SQLITE_WORKER ?? 'on'}), one server process.`,
    `Each read: one warm-up, then up to ${SAMPLES} sequential samples (at least 5, at most ~${READ_BUDGET_MS / 1000} s); ×PK = p50 over the primary-key read's p50.`,
  );
  return { rows, notes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./report.ts');
  console.log(formatTable([{ name: 'Scale', result: await measureScale(), seconds: 0 }]));
}
