import { Router } from 'express';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { readMapFilters } from '../map/routes.ts';
import { agencyStats, pupukStats, weeklyTrend } from './service.ts';

/** The map's side panel; the same filters and role scope as the map. */
export function statsRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/api/stats', sameOriginOnly(deps.config.publicUrl), requireUser(deps), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/api/stats/agencies', async (req, res) => {
    res.json(await agencyStats(deps, userOf(req), readMapFilters(deps, req)));
  });
  router.get('/api/stats/pupuk', async (req, res) => {
    res.json(await pupukStats(deps, userOf(req), readMapFilters(deps, req)));
  });
  router.get('/api/stats/trend', async (req, res) => {
    res.json(await weeklyTrend(deps, userOf(req), readMapFilters(deps, req)));
  });
  return router;
}
