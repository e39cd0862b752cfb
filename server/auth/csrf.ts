import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * CSRF defence for cookie-authenticated APIs: a state-changing request must say where it comes
 * from (Origin, or Referer when a browser leaves Origin out) and that must be this site —
 * the Host it was sent to, or PUBLIC_URL behind a proxy that rewrites Host. A request that
 * names no origin at all is refused too: every browser sends one of the two on a same-site
 * POST (the Referrer-Policy here is same-origin), so only a forged or stripped request lacks both.
 */
export function sameOriginOnly(publicUrl: string | null): RequestHandler {
  const allowedPublic = hostOf(publicUrl ?? undefined);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const from = hostOf(req.get('origin')) ?? hostOf(req.get('referer'));
    const host = req.get('host')?.toLowerCase();
    if (from && (from === host || from === allowedPublic)) return next();
    next(new AppError('csrf_rejected', { status: 403 }));
  };
}

/** The same check for a WebSocket handshake (cross-site WebSocket hijacking). */
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | null): boolean {
  if (!origin) return true; // non-browser clients send none; browsers always do on WebSocket
  const from = hostOf(origin);
  return from !== null && (from === host?.toLowerCase() || from === hostOf(publicUrl ?? undefined));
}
