// WORKERS=n: one primary process forks n server processes that share the listening port
// (node:cluster hands connections round-robin), the store, and — through Redis — live events and
// rate-limit counters. The primary serves nothing itself: it forks, restarts a worker that
// died, and passes SIGTERM/SIGINT on so every worker shuts down gracefully.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

// A worker that dies soon after starting (Redis down, disk full) is restarted with a growing
// delay, so a crash loop does not spin the CPU; one that ran a while is restarted at once.
const RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 10_000;
// Workers get SHUTDOWN_GRACE_MS for in-flight requests; after that and this margin, they are killed.
const KILL_MARGIN_MS = 5000;

export function runPrimary(config: Config, logger: Logger): void {
  let stopping = false;
  let restartDelay = RESTART_DELAY_MS;
  const startedAt = new Map<Worker, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };

  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) {
        logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    const stable = uptime > STABLE_AFTER_MS;
    if (stable) restartDelay = RESTART_DELAY_MS;
    const delay = stable ? 0 : restartDelay;
    if (!stable) restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
    logger.error({ pid: worker.process.pid, code, signal, uptimeMs: uptime, restartInMs: delay }, 'worker died; restarting');
    setTimeout(() => { if (!stopping) fork(); }, delay);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: startedAt.size }, 'shutting down workers');
    if (startedAt.size === 0) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.warn('workers did not stop in time; killing them');
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownGraceMs + KILL_MARGIN_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  logger.info({ workers: config.workers, port: config.port }, 'starting workers');
  for (let i = 0; i < config.workers; i += 1) fork();
}
