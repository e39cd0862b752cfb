// Security headers for every response, through helmet, and the app's two Content-Security-
// Policies, each written once here. Pages: even if an escaping bug slipped through, injected
// markup could not run script; map tiles (MAP_TILE_URL) are the one outside origin. Served
// uploads: no policy at all, sandboxed, so a photo can never act as a page.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.ts';

/** Set on photo responses after the page policy, replacing it. */
export const UPLOAD_CSP = "default-src 'none'; sandbox";

/** `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org` */
export function tileSource(tileUrl: string): string {
  const match = /^(https?:\/\/[^/]+)/.exec(tileUrl);
  return match ? match[1].replace(/\{s\}/g, '*') : '';
}

/** Built client files: scripts and styles, where a policy has no effect (it governs documents). */
const ASSETS = '/assets/';

export function securityHeaders(config: Pick<Config, 'mapTileUrl' | 'publicUrl'>): RequestHandler {
  const withPolicy = headers(config, true);
  const withoutPolicy = headers(config, false);
  // The policy is ~300 bytes on every response; five asset files on a citizen's first load would
  // carry 1.5 KB of it for nothing (the 30 KB budget counts headers).
  return (req, res, next) => (req.path.startsWith(ASSETS) ? withoutPolicy : withPolicy)(req, res, next);
}

function headers(config: Pick<Config, 'mapTileUrl' | 'publicUrl'>, policy: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: policy && {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Leaflet positions tiles with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'blob:', 'data:', ...[tileSource(config.mapTileUrl)].filter(Boolean)],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // The CSRF check reads Referer on same-origin posts; nothing leaks to other sites.
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Only meaningful over HTTPS (a browser ignores it on plain HTTP); every byte counts on a
    // farmer's phone plan, so it is sent only when the public address is HTTPS.
    strictTransportSecurity: config.publicUrl?.startsWith('https://') ? { maxAge: 31_536_000 } : false,
    // Headers for browsers long gone (IE8 downloads, Flash policies, the removed XSS auditor).
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}
