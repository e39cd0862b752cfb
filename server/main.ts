import cluster from 'node:cluster';
import { createApp } from './app.ts';
import { buildDeps, closeDeps } from './bootstrap.ts';
import { runPrimary } from './cluster.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { publicUrlWarning } from './http/links.ts';

async function serve(config: Config): Promise<void> {
  const deps = await buildDeps(config);
  const { http, io } = createApp(deps);
  const { logger } = deps;

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const address = http.address();
  const warning = publicUrlWarning(config);
  if (warning) logger.warn({ publicUrl: null }, warning);
  logger.info({ port: typeof address === 'object' && address ? address.port : config.port, store: deps.store.kind, dataDir: config.dataDir, redis: Boolean(deps.redis), worker: cluster.isWorker }, 'Suara Warga siap');

  // Stop accepting, let in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), then close the
  // store and Redis.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      http.closeAllConnections();
    }, config.shutdownGraceMs);
    force.unref();
    io.close();
    http.close(async () => {
      await closeDeps(deps);
      logger.info('stopped');
      process.exit(0);
    });
    http.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * WORKERS=1: this process serves. WORKERS>1: this process becomes the cluster primary; it first
 * opens the store once (migrations, and the first admin with its one printed password, happen
 * here and not n times at once), then forks the workers, which run `serve`.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Konfigurasi salah: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    const logger = createLogger(config.logLevel);
    await closeDeps(await buildDeps({ ...config, redisUrl: null }, { logger }));
    runPrimary(config, logger);
    return;
  }
  await serve(config);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
