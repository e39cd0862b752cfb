// With Redis, a saved setting is announced on a channel so every process compares its settings
// version at once (and open desks join new units' rooms) instead of at its next request or
// within the minute. Only a nudge: the store's version stays the truth, and a lost message
// costs nothing but that delay.
import type { Deps } from '../deps.ts';

const CHANNEL = 'suara-warga:settings';

export function announceSettingsChange(deps: Pick<Deps, 'redis' | 'logger'>, version: number): void {
  deps.redis?.publisher.publish(CHANNEL, String(version)).catch((err: unknown) => deps.logger.warn({ err }, 'settings nudge not sent'));
}

/** Listens on its own connection (the adapter's subscriber stays the adapter's); returns the stop. */
export function listenForSettingsChanges(deps: Pick<Deps, 'redis' | 'catalog' | 'logger'>): () => void {
  if (!deps.redis) return () => {};
  const listener = deps.redis.subscriber.duplicate();
  listener.on('error', (err: unknown) => deps.logger.warn({ err }, 'settings nudge listener'));
  const ready = listener.connect().then(() => listener.subscribe(CHANNEL, () => {
    deps.catalog.ensureFresh().catch((err: unknown) => deps.logger.error({ err }, 'settings reload failed'));
  })).catch((err: unknown) => deps.logger.warn({ err }, 'settings nudge listener not started'));
  return () => { void ready.finally(() => listener.destroy()); };
}
