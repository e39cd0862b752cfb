import { createApp } from './app.ts';
import { buildDeps } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';

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
  const deps = await buildDeps(config);
  const { http, io } = createApp(deps);
  const { logger } = deps;

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const address = http.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : config.port, store: deps.store.kind, dataDir: config.dataDir }, 'Suara Warga siap');

  // Stop accepting, let in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), then close the store.
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
      await deps.store.close();
      logger.info('stopped');
      process.exit(0);
    });
    http.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
