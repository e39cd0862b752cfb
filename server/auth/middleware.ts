import type { Request, RequestHandler } from 'express';
import type { DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { SessionRecord } from '../store/port.ts';
import { authenticate } from './service.ts';
import { readCookie } from '../http/cookies.ts';
import { SESSION_COOKIE } from './sessions.ts';

declare module 'express-serve-static-core' {
  interface Request { user?: DeskUser; session?: SessionRecord }
}

/**
 * Resolves the session cookie into req.user; refuses with 401 when there is none, and with 403
 * `password_change_required` while the user still has a one-time password, unless this route
 * is one of the few such a session may use (who am I, change password, log out).
 */
export function requireUser(deps: Deps, options: { oneTimePasswordAllowed?: boolean } = {}): RequestHandler {
  return async (req, _res, next) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    const found = token ? await authenticate(deps, token) : null;
    if (!found) throw new AppError('unauthenticated', { status: 401 });
    if (found.user.mustChangePassword && !options.oneTimePasswordAllowed) throw new AppError('password_change_required', { status: 403 });
    req.user = found.user;
    req.session = found.session;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user || !roles.includes(req.user.role)) throw new AppError('forbidden', { status: 403 });
    next();
  };
}

/** For handlers behind requireUser: the user, typed as present. */
export function userOf(req: Request): DeskUser {
  if (!req.user) throw new AppError('unauthenticated', { status: 401 });
  return req.user;
}
