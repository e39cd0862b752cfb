// Real processes for the multi-process tests and the workers benchmark: Redis, server
// processes started as in production (`node server/boot.cjs`, not `npx tsx`,
// whose wrapper process would not pass signals on), and the account CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

export interface Proc {
  child: ChildProcess;
  /** stdout and stderr, for the failure message. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output = (output + d).slice(-20_000); });
  child.stderr?.on('data', (d) => { output = (output + d).slice(-20_000); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => output, exited };
}

/** A throwaway Redis: no RDB, no AOF, on its own port. */
export async function startRedis(): Promise<Proc & { url: string }> {
  if (!REDIS_SERVER) {
    throw new Error('redis-server not found (looked in /usr/bin and /usr/local/bin). The multi-process tests and benchmark need Debian\'s redis-server: apt-get install redis-server (.ci/run installs it).');
  }
  const port = await freePort();
  const proc = run(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await waitUntil(async () => proc.output().includes('Ready to accept connections'), 10_000, proc);
  return { ...proc, url: `redis://127.0.0.1:${port}` };
}

export interface ServerProc extends Proc { baseUrl: string; port: number }

/** `node server/boot.cjs` (as `npm start`) with `env`, waited on until /readyz answers 200. */
export async function startServer(env: Record<string, string>, readyWithinMs = 120_000): Promise<ServerProc> {
  const port = await freePort();
  // As startApp: every request checks the settings, which these tests change from elsewhere.
  const proc = run(process.execPath, ['server/boot.cjs'], { LOG_LEVEL: 'warn', HOST: '127.0.0.1', SETTINGS_RECHECK_MS: '0', ...env, PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = { ...proc, baseUrl, port };
  try {
    await waitUntil(async () => (await fetch(`${baseUrl}/readyz`).catch(() => null))?.status === 200, readyWithinMs, proc);
  } catch (err) {
    await stop(server);
    throw err;
  }
  return server;
}

/** Runs the account CLI to completion; throws with its output when it fails. */
export async function cli(args: string[], env: Record<string, string>): Promise<void> {
  const proc = run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { LOG_LEVEL: 'silent', ...env });
  const { code } = await proc.exited;
  if (code !== 0) throw new Error(`cli ${args.join(' ')} exited ${code}: ${proc.output()}`);
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs `npm run cli -- …` on the store in `dataDir` and collects what it printed, whatever its exit code. */
export function runCli(dataDir: string, args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: ROOT, env: { ...process.env, ...options.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** SIGTERM, then SIGKILL if it is still there after `graceMs`. Resolves with how it ended. */
export async function stop(proc: Proc, graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  try {
    return await proc.exited;
  } finally {
    clearTimeout(timer);
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of the live children of `pid` whose command line mentions `marker` (Linux /proc). */
export function childrenOf(pid: number, marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

export async function waitUntil(check: () => Promise<boolean> | boolean, ms: number, proc?: Proc): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`process exited (${proc.child.exitCode ?? proc.child.signalCode}) before it was ready:\n${proc.output()}`);
    }
    if (Date.now() > until) throw new Error(`not ready within ${ms} ms${proc ? `:\n${proc.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
