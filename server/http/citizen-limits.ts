import type { RateLimitRequestHandler } from 'express-rate-limit';
import type { Deps } from '../deps.ts';
import { createRateLimiter, sharedCounting } from './rate-limit.ts';

export interface CitizenLimits { submit: RateLimitRequestHandler; lookup: RateLimitRequestHandler }

const perApp = new WeakMap<Deps, CitizenLimits>();

/**
 * The citizen budgets (RATE_LIMIT_SUBMIT, RATE_LIMIT_LOOKUP), one counter each per app however
 * many doors lead to it: the JSON API and the no-JavaScript form share them, so neither is a
 * way around the other's limit.
 */
export function citizenLimits(deps: Deps): CitizenLimits {
  let limits = perApp.get(deps);
  if (!limits) {
    limits = {
      submit: createRateLimiter(deps.config.rateLimitSubmit, sharedCounting(deps, 'submit')),
      lookup: createRateLimiter(deps.config.rateLimitLookup, sharedCounting(deps, 'lookup')),
    };
    perApp.set(deps, limits);
  }
  return limits;
}
