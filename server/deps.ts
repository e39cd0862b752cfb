import type { SessionHub } from './auth/session-hub.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { PhotoProcessor } from './media/photo-processor.ts';
import type { PhotoStorage } from './media/photo-storage.ts';
import type { RedisLink } from './redis.ts';
import type { EventBus } from './realtime/event-bus.ts';
import type { Catalog } from './reference/catalog.ts';
import type { Deriver } from './reports/derive.ts';
import type { Store } from './store/port.ts';

/** Everything a service needs, passed as one object so tests build real ones for themselves. */
export interface Deps {
  config: Config;
  store: Store;
  catalog: Catalog;
  photos: PhotoStorage;
  photoProcessor: PhotoProcessor;
  bus: EventBus;
  /** Announces ended sessions so open sockets close at once. */
  sessionHub: SessionHub;
  logger: Logger;
  /** Set with REDIS_URL: shared by every process (Socket.IO fan-out, rate-limit counters). */
  redis: RedisLink | null;
  clock: () => Date;
  /** What the write path derives from each change and commits with it (server/reports/derive.ts). */
  derivers: readonly Deriver[];
}
