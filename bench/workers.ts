// Submission throughput with WORKERS=1 against WORKERS=2, measured in the same run on the same
// machine: each server is a real `node server/boot.cjs` (the cluster primary when
// WORKERS=2) on a fresh SQLite file, with Redis for rate-limit counters and Socket.IO in both
// runs so the only difference is the number of processes. autocannon posts JSON reports, each
// with its own clientId (a new report, not an idempotent replay).
//
//   npx tsx bench/workers.ts                 BENCH_SECONDS=10 BENCH_CONNECTIONS=20 by default
//
// Tracking look-ups (reads) are measured the same way, to tell the cost of several processes
// (the cluster's hand-off, Redis, CPU) from the cost of SQLite's single writer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { validReport } from '../test/helpers/fixtures.ts';
import { startRedis, startServer, stop, type ServerProc } from '../test/helpers/processes.ts';

export interface BenchRow { metric: string; value: string; goal: string }

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARMUP_SECONDS = 2;

// autocannon's idReplacement ([<id>]) makes hyperids, which the schema refuses as clientId (it
// must be a UUID), so each request gets a fresh one from validReport in setupRequest instead.
function reportBody(): string {
  return JSON.stringify(validReport());
}

interface Rate { rps: number; non2xx: number; errors: number; total: number }

function rateOf(result: autocannon.Result): Rate {
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function submissionsPerSecond(url: string, seconds: number): Promise<Rate> {
  return rateOf(await autocannon({
    url: `${url}/api/reports`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: reportBody() }) }],
  }));
}

/** The citizen's tracking look-up: a read, which SQLite's WAL lets processes do side by side. */
async function lookupsPerSecond(url: string, seconds: number): Promise<Rate> {
  const res = await fetch(`${url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: reportBody() });
  const { code } = (await res.json()) as { code: string };
  return rateOf(await autocannon({ url: `${url}/api/reports/${code}`, connections: CONNECTIONS, duration: seconds }));
}

interface Measured { submit: Rate[]; lookup: Rate[] }

function mean(rates: Rate[]): Rate {
  const sum = (pick: (r: Rate) => number) => rates.reduce((n, r) => n + pick(r), 0);
  return { rps: sum((r) => r.rps) / rates.length, non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors), total: sum((r) => r.total) };
}

export async function benchWorkers(): Promise<{ rows: BenchRow[] }> {
  const redis = await startRedis();
  const dirs: string[] = [];
  const servers: ServerProc[] = [];
  try {
    // Both servers run side by side (an idle one costs nothing) and are loaded in turn, in the
    // order 1, 2, 2, 1: load from elsewhere on the machine that drifts during the run then
    // weighs on both alike.
    for (const workers of [1, 2]) {
      const dataDir = mkdtempSync(join(tmpdir(), `suara-warga-bench-w${workers}-`));
      dirs.push(dataDir);
      servers.push(await startServer({
        DATA_DIR: dataDir, WORKERS: String(workers), REDIS_URL: redis.url, LOG_LEVEL: 'error', OVERDUE_SWEEP_SECONDS: '0',
        ADMIN_PASSWORD: 'bench-admin-password', RATE_LIMIT_SUBMIT: '100000000/1m', RATE_LIMIT_LOOKUP: '100000000/1m',
      }));
    }
    const measured: Measured[] = [{ submit: [], lookup: [] }, { submit: [], lookup: [] }];
    for (const i of [0, 1]) await submissionsPerSecond(servers[i].baseUrl, WARMUP_SECONDS); // JIT, SQLite pages
    for (const i of [0, 1, 1, 0]) {
      measured[i].submit.push(await submissionsPerSecond(servers[i].baseUrl, SECONDS));
      measured[i].lookup.push(await lookupsPerSecond(servers[i].baseUrl, SECONDS));
    }
    const rounds = (rates: Rate[]) => ` (rounds ${rates.map((r) => r.rps.toFixed(0)).join(', ')})`;
    const [one, two] = measured.map((m) => ({ submit: mean(m.submit), lookup: mean(m.lookup), submitRounds: rounds(m.submit), lookupRounds: rounds(m.lookup) }));
    const ratio = (a: Rate, b: Rate) => (a.rps > 0 ? (b.rps / a.rps).toFixed(2) : 'n/a');
    const value = (r: Rate) => `${r.rps.toFixed(0)}${r.non2xx + r.errors > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors of ${r.total})` : ''}`;
    return {
      rows: [
        { metric: 'submissions/s, WORKERS=1', value: value(one.submit) + one.submitRounds, goal: 'baseline' },
        { metric: 'submissions/s, WORKERS=2', value: value(two.submit) + two.submitRounds, goal: 'same run, same machine' },
        { metric: 'submission throughput ratio WORKERS=2 / WORKERS=1', value: ratio(one.submit, two.submit), goal: 'informational: SQLite has one writer at a time (README: Several processes)' },
        { metric: 'look-ups/s, WORKERS=1', value: value(one.lookup) + one.lookupRounds, goal: 'baseline' },
        { metric: 'look-ups/s, WORKERS=2', value: value(two.lookup) + two.lookupRounds, goal: 'same run, same machine' },
        { metric: 'look-up throughput ratio WORKERS=2 / WORKERS=1', value: ratio(one.lookup, two.lookup), goal: '> 1 only with a core to spare (the load generator takes one)' },
      ],
    };
  } finally {
    for (const [i, server] of servers.entries()) {
      const ended = await stop(server);
      if (ended.code !== 0) console.error(`WORKERS=${i + 1} server ended with ${JSON.stringify(ended)}:\n${server.output()}`);
    }
    await stop(redis);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`WORKERS=1 and WORKERS=2, each loaded twice (order 1,2,2,1) for ${SECONDS} s with ${CONNECTIONS} connections; fresh SQLite store each, Redis on.`);
  const { rows } = await benchWorkers();
  console.table(rows);
}
