import { Router } from 'express';
import { AccountCreateSchema, AccountQuerySchema, PasswordResetSchema } from '../../shared/validation/account-input.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../http/parse.ts';
import { managesAccounts } from './policy.ts';
import { createAccount, disableAccount, enableAccount, listAccounts, resetAccountPassword } from './service.ts';

/** Accounts: the admin's, and an agency admin's for their own agency's officers. */
export function accountRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/api/admin/users', sameOriginOnly(deps.config.publicUrl), requireUser(deps), (req, res, next) => {
    if (!managesAccounts(userOf(req))) throw new AppError('forbidden', { status: 403 });
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/admin/users', async (req, res) => {
    res.json({ items: await listAccounts(deps, userOf(req), parseInput(AccountQuerySchema, req.query)) });
  });

  // The one-time password is in this answer only: the page shows it once to hand over.
  router.post('/api/admin/users', async (req, res) => {
    res.status(201).json(await createAccount(deps, userOf(req), parseInput(AccountCreateSchema, req.body)));
  });

  router.post('/api/admin/users/:username/:change', async (req, res) => {
    const username = String(req.params.username);
    switch (req.params.change) {
      case 'disable': await disableAccount(deps, userOf(req), username); return res.status(204).end();
      case 'enable': await enableAccount(deps, userOf(req), username); return res.status(204).end();
      case 'reset-password': return res.json(await resetAccountPassword(deps, userOf(req), username, parseInput(PasswordResetSchema, req.body ?? {}).password));
      default: throw new AppError('not_found', { status: 404 });
    }
  });

  return router;
}
