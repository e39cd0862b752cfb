import { rateLimit, type Options, type RateLimitRequestHandler } from 'express-rate-limit';
import type { Request } from 'express';
import type { RateLimit } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../deps.ts';

type LimitedRequest = Request & { rateLimit?: { resetTime?: Date } };

/**
 * Where a limiter counts. Without Redis: in this process's memory (the default store). With
 * REDIS_URL: in Redis under a prefix per limiter, so all processes add to the same count and a
 * limit holds however many processes or machines serve the requests. While Redis is unreachable
 * requests pass unlimited (logged): a citizen's report matters more than the limit.
 */
export function sharedCounting(deps: Pick<Deps, 'redis' | 'logger'>, name: string): Partial<Pick<Options, 'store' | 'passOnStoreError' | 'logger'>> {
  const { redis } = deps;
  if (!redis) return {};
  return {
    store: redis.counterStore(`suara-warga:rl:${name}:`),
    passOnStoreError: true,
    logger: {
      error: (err, msg) => deps.logger.error({ err, limiter: name }, msg ?? 'rate limit store error'),
      warn: (err, msg) => deps.logger.warn({ err, limiter: name }, msg ?? 'rate limit store warning'),
    },
  };
}

/**
 * A limiter whose refusal is the project's 429: an Indonesian message, a machine code and
 * Retry-After. The client address is Express's `req.ip`, which honours X-Forwarded-For only
 * when TRUST_PROXY says a proxy is there.
 */
export function createRateLimiter(limit: RateLimit, options: Partial<Pick<Options, 'keyGenerator' | 'store' | 'skip' | 'skipSuccessfulRequests' | 'passOnStoreError' | 'logger'>> = {}): RateLimitRequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ...options,
    handler: (req: LimitedRequest, _res, next) => {
      const resetTime = req.rateLimit?.resetTime?.getTime() ?? Date.now() + limit.windowMs;
      const retry = Math.max(1, Math.ceil((resetTime - Date.now()) / 1000));
      next(new AppError('rate_limited', { status: 429, params: { retry }, headers: { 'Retry-After': String(retry) } }));
    },
  });
}
