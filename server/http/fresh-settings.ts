import type { RequestHandler } from 'express';
import type { Deps } from '../deps.ts';

/**
 * Before any request uses settings (routing, deadlines, holidays, agencies), compare this
 * process's settings version with the store's and reload when another process or the CLI
 * changed them. One indexed read of one row; the store is the truth, never a message.
 */
export function freshSettings(deps: Pick<Deps, 'catalog'>): RequestHandler {
  return async (_req, _res, next) => {
    await deps.catalog.ensureFresh();
    next();
  };
}
