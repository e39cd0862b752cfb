import { rateLimit, type Options, type RateLimitRequestHandler } from 'express-rate-limit';
import type { Request } from 'express';

type LimitedRequest = Request & { rateLimit?: { resetTime?: Date } };
import type { RateLimit } from '../config.ts';
import { AppError } from '../errors.ts';

/**
 * A limiter whose refusal is the project's 429: an Indonesian message, a machine code and
 * Retry-After. The client address is Express's `req.ip`, which honours X-Forwarded-For only
 * when TRUST_PROXY says a proxy is there.
 */
export function createRateLimiter(limit: RateLimit, options: Partial<Pick<Options, 'keyGenerator' | 'store' | 'skip'>> = {}): RateLimitRequestHandler {
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
