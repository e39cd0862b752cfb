import { seedAdmin } from './auth/seed-admin.ts';
import { SessionHub } from './auth/session-hub.ts';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { createLogger, type Logger } from './logger.ts';
import { PhotoProcessor } from './media/photo-processor.ts';
import { EventBus } from './realtime/event-bus.ts';
import { Catalog } from './reference/catalog.ts';
import { DERIVERS, type Deriver } from './reports/derive.ts';
import { fillReadModelIfFlagged } from './readmodel/rebuild.ts';
import { connectRedis } from './redis.ts';
import { openStorage } from './store/open.ts';

/** Opens the store (and its photo storage) and builds every dependency from configuration. */
export async function buildDeps(config: Config, overrides: { logger?: Logger; clock?: () => Date; derivers?: readonly Deriver[] } = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const { store, photos } = await openStorage(config);
  // The migration that added the read model flags a store written before it: counted once here.
  await fillReadModelIfFlagged(store, logger);
  const catalog = new Catalog(store, config.regionCode);
  await catalog.reload();
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger).catch(async (err: unknown) => {
    await store.close();
    throw err;
  }) : null;
  const deps: Deps = {
    config,
    store,
    catalog,
    photos,
    photoProcessor: new PhotoProcessor({ maxPixels: config.maxPhotoPixels, concurrency: config.photoConcurrency }),
    bus: new EventBus(),
    sessionHub: new SessionHub(),
    logger,
    redis,
    clock: overrides.clock ?? (() => new Date()),
    derivers: overrides.derivers ?? DERIVERS,
  };
  await seedAdmin(deps);
  return deps;
}

/** Releases what buildDeps opened: the store, then Redis. */
export async function closeDeps(deps: Pick<Deps, 'store' | 'redis'>): Promise<void> {
  await deps.store.close();
  await deps.redis?.close();
}
