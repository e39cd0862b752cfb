import { Router } from 'express';
import { AuditQuerySchema } from '../../shared/validation/admin-input.ts';
import { requireRole, requireUser } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { parseInput } from '../http/parse.ts';

/** The audit trail, for the admin: read only, newest first. Nothing here (or anywhere) deletes an entry. */
export function auditRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/api/admin/audit', requireUser(deps), requireRole('admin'), async (req, res) => {
    const query = parseInput(AuditQuerySchema, req.query);
    res.set('Cache-Control', 'no-store').json(await deps.store.listAudit({ limit: query.limit, before: query.before }));
  });
  return router;
}
