import { Router } from 'express';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireRole, requireUser } from '../auth/middleware.ts';
import { createUser, disableUser, enableUser, listUsers, resetPassword } from '../auth/users.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';

function text(body: unknown, key: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The admin's back office: user accounts (settings are in ../settings). */
export function adminRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/api/admin', sameOriginOnly(deps.config.publicUrl), requireUser(deps), requireRole('admin'), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/admin/users', async (_req, res) => {
    res.json({ items: await listUsers(deps) });
  });

  router.post('/api/admin/users', async (req, res) => {
    const b = req.body as Record<string, unknown> | undefined;
    const user = await createUser(deps, {
      username: text(b, 'username'), name: text(b, 'name'), role: text(b, 'role'),
      agencyId: text(b, 'agencyId') || null, kecamatan: text(b, 'kecamatan') || null, password: text(b, 'password'),
    });
    res.status(201).json({ user });
  });

  router.post('/api/admin/users/:username/:change', async (req, res) => {
    const username = String(req.params.username);
    switch (req.params.change) {
      case 'disable': await disableUser(deps, username); break;
      case 'enable': await enableUser(deps, username); break;
      case 'reset-password': await resetPassword(deps, username, text(req.body, 'password')); break;
      default: throw new AppError('not_found', { status: 404 });
    }
    res.status(204).end();
  });

  return router;
}
