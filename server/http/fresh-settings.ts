import type { RequestHandler } from 'express';
import type { Deps } from '../deps.ts';

/**
 * Before any request uses settings (routing, deadlines, holidays, agencies), compare this
 * process's settings version with the store's and reload when another process or the CLI
 * changed them: one indexed read of one row, at most once per SETTINGS_RECHECK_MS (see
 * Catalog.ensureRecent). The store is the truth, never a message.
 */
export function freshSettings(deps: Pick<Deps, 'catalog' | 'clock' | 'config'>): RequestHandler {
  return async (_req, _res, next) => {
    await deps.catalog.ensureRecent(deps.clock().getTime(), deps.config.settingsRecheckMs);
    next();
  };
}
