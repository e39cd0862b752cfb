import { Router, type CookieOptions, type Request } from 'express';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { createRateLimiter, sharedCounting } from '../http/rate-limit.ts';
import { sameOriginOnly } from './csrf.ts';
import { requireUser, userOf } from './middleware.ts';
import { changePassword, login, logout } from './service.ts';
import { parseInput } from '../http/parse.ts';
import { PasswordChangeSchema } from '../../shared/validation/account-input.ts';
import { SESSION_COOKIE } from './sessions.ts';

function cookieOptions(deps: Deps, req: Request): CookieOptions {
  // Secure whenever the browser reached us over HTTPS (req.secure honours TRUST_PROXY) or the
  // public URL is HTTPS; the cookie lives as long as the absolute session limit.
  const secure = req.secure || Boolean(deps.config.publicUrl?.startsWith('https:'));
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: deps.config.sessionMaxHours * 3_600_000 };
}

function credentials(body: unknown): { username: string; password: string } {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const fields: Record<string, 'required'> = {};
  if (typeof b.username !== 'string' || !b.username.trim() || b.username.length > 100) fields.username = 'required';
  if (typeof b.password !== 'string' || !b.password || b.password.length > 1000) fields.password = 'required';
  if (Object.keys(fields).length) throw new AppError('validation_failed', { status: 422, fields });
  return { username: b.username as string, password: b.password as string };
}

export function authRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/api/auth', sameOriginOnly(deps.config.publicUrl));
  // Two limits: per address (one machine guessing many accounts) and per username (many
  // machines guessing one account). Only failures count (a successful login is taken back off
  // the count): otherwise anyone who knows an officer's username could lock them out by logging
  // in as themselves, and an officer logging in ten times a day would lock themself out.
  const perIp = createRateLimiter(deps.config.rateLimitLogin, { ...sharedCounting(deps, 'login-ip'), skipSuccessfulRequests: true });
  const perUsername = createRateLimiter(deps.config.rateLimitLogin, {
    ...sharedCounting(deps, 'login-user'),
    skipSuccessfulRequests: true,
    keyGenerator: (req) => `user:${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
  });

  router.post('/api/auth/login', perIp, perUsername, async (req, res) => {
    const { username, password } = credentials(req.body);
    const { user, token } = await login(deps, username, password);
    res.cookie(SESSION_COOKIE, token, cookieOptions(deps, req)).set('Cache-Control', 'no-store').json({ user });
  });

  router.post('/api/auth/logout', requireUser(deps, { oneTimePasswordAllowed: true }), async (req, res) => {
    if (req.session) await logout(deps, req.session.id);
    const { maxAge: _drop, ...clear } = cookieOptions(deps, req);
    res.clearCookie(SESSION_COOKIE, clear).status(204).end();
  });

  router.get('/api/auth/me', requireUser(deps, { oneTimePasswordAllowed: true }), (req, res) => {
    res.set('Cache-Control', 'no-store').json({ user: userOf(req) });
  });

  // Every user changes their own password here, and a one-time password must be changed here
  // first. The current password is asked again: a session left open is not enough.
  router.post('/api/auth/password', perIp, requireUser(deps, { oneTimePasswordAllowed: true }), async (req, res) => {
    const input = parseInput(PasswordChangeSchema, req.body);
    const session = req.session;
    if (!session) throw new AppError('unauthenticated', { status: 401 });
    const user = await changePassword(deps, userOf(req).id, session.id, input.currentPassword, input.newPassword);
    res.set('Cache-Control', 'no-store').json({ user });
  });

  return router;
}
