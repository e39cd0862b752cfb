import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('WORKERS and REDIS_URL configuration', () => {
  it('defaults to one process without Redis', () => {
    const config = loadConfig({});
    assert.equal(config.workers, 1);
    assert.equal(config.redisUrl, null);
  });

  it('accepts several workers with Redis, and Redis alone (several machines, one process each)', () => {
    assert.equal(loadConfig({ WORKERS: '4', REDIS_URL: 'redis://127.0.0.1:6379' }).workers, 4);
    assert.equal(loadConfig({ REDIS_URL: 'rediss://user:pw@redis.internal:6380/0' }).redisUrl, 'rediss://user:pw@redis.internal:6380/0');
  });

  for (const [env, named] of [
    [{ WORKERS: '2' }, /WORKERS=2 perlu REDIS_URL/],
    [{ WORKERS: '0', REDIS_URL: 'redis://x' }, /WORKERS/],
    [{ WORKERS: 'dua', REDIS_URL: 'redis://x' }, /WORKERS/],
    [{ WORKERS: '65', REDIS_URL: 'redis://x' }, /WORKERS/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL/],
    [{ REDIS_URL: 'http://localhost:6379' }, /REDIS_URL/],
  ] as const) {
    it(`refuses ${JSON.stringify(env)}, naming the variable`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && named.test(err.message));
    });
  }
});
