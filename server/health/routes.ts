import { Router } from 'express';
import type { Deps } from '../deps.ts';

export function healthRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  router.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping();
      res.json({ status: 'ok', store: deps.store.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  return router;
}
