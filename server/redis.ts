// Redis is what several server processes share besides the store: the Socket.IO adapter's
// pub/sub (an event committed in one process reaches desks connected to any other) and the
// rate-limit counters (a limit holds across processes instead of multiplying by their number).
// The Redis packages (node-redis, the Socket.IO adapter, rate-limit-redis) are imported only
// when REDIS_URL asks for them: one process without Redis is spared about 10 MB of their code.
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from './logger.ts';

const CONNECT_TIMEOUT_MS = 10_000;
/** The Socket.IO adapter's channel prefix in Redis. */
const IO_KEY = 'suara-warga:io';

function newClient(createClient: typeof import('redis').createClient, url: string, options: { disableOfflineQueue?: boolean } = {}) {
  return createClient({ url, ...options });
}

export type RedisClient = ReturnType<typeof newClient>;
type IoAdapter = ReturnType<typeof import('@socket.io/redis-adapter').createAdapter>;

export interface RedisLink {
  /** Rate-limit counters. Fails at once while Redis is away (no offline queue), so requests do not hang. */
  counters: RedisClient;
  /** The Socket.IO adapter's publishing side; queues while Redis is away and sends on reconnect. */
  publisher: RedisClient;
  /** A connection in subscriber mode, used only by the Socket.IO adapter. */
  subscriber: RedisClient;
  /** The Socket.IO adapter over publisher and subscriber: an emit reaches the rooms' sockets on every process. */
  ioAdapter: IoAdapter;
  /** A rate limiter's counts in Redis under `prefix`, shared by every process. */
  counterStore(prefix: string): RateLimitStore;
  close(): Promise<void>;
}

/**
 * Connects both clients before the server listens, so a wrong REDIS_URL stops the start instead
 * of the first request. Later outages are logged and node-redis reconnects on its own; meanwhile
 * rate limits are not enforced and desks on other processes get live events late (or catch up
 * with `sync` when they reconnect).
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisLink> {
  const [{ createClient }, { createAdapter }, { RedisStore }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter'), import('rate-limit-redis')]);
  const counters = newClient(createClient, url, { disableOfflineQueue: true });
  const publisher = newClient(createClient, url);
  const subscriber = newClient(createClient, url);
  const clients = { counters, publisher, subscriber };
  let lastReport = 0;
  for (const [role, c] of Object.entries(clients)) {
    c.on('error', (err: unknown) => {
      // One line per 10 s at most: a down Redis fails every reconnect attempt.
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      logger.error({ err, role }, 'redis error');
    });
  }
  // node-redis keeps retrying a refused connection; at start, give up after a while instead.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis di REDIS_URL tidak bisa dihubungi dalam ${CONNECT_TIMEOUT_MS / 1000} detik`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(Object.values(clients).map((c) => c.connect())), timeout]);
  } catch (err) {
    for (const c of Object.values(clients)) c.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return {
    ...clients,
    ioAdapter: createAdapter(publisher, subscriber, { key: IO_KEY }),
    counterStore: (prefix) => new RedisStore({ prefix, sendCommand: (...args: string[]) => counters.sendCommand(args) }),
    async close() {
      await Promise.allSettled(Object.values(clients).map((c) => c.close()));
    },
  };
}
