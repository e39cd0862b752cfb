// Redis is what several server processes share besides the store: the Socket.IO adapter's
// pub/sub (an event committed in one process reaches desks connected to any other) and the
// rate-limit counters (a limit holds across processes instead of multiplying by their number).
import { createClient } from 'redis';
import type { Logger } from './logger.ts';

const CONNECT_TIMEOUT_MS = 10_000;

function newClient(url: string) {
  return createClient({ url });
}

export type RedisClient = ReturnType<typeof newClient>;

export interface RedisLink {
  /** Commands: rate-limit counters and the adapter's publishing side. */
  client: RedisClient;
  /** A connection in subscriber mode, used only by the Socket.IO adapter. */
  subscriber: RedisClient;
  close(): Promise<void>;
}

/**
 * Connects both clients before the server listens, so a wrong REDIS_URL stops the start instead
 * of the first request. Later outages are logged; node-redis reconnects on its own, and while
 * Redis is away rate-limited routes answer 500 and desks on other processes miss live events
 * (they catch up with `sync` on reconnect).
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisLink> {
  const client = newClient(url);
  const subscriber = newClient(url);
  let lastReport = 0;
  for (const [role, c] of [['client', client], ['subscriber', subscriber]] as const) {
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
    await Promise.race([Promise.all([client.connect(), subscriber.connect()]), timeout]);
  } catch (err) {
    client.destroy();
    subscriber.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return {
    client,
    subscriber,
    async close() {
      await Promise.allSettled([client.close(), subscriber.close()]);
    },
  };
}
