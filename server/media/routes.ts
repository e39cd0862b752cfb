import { Router } from 'express';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { UPLOAD_CSP } from '../http/security-headers.ts';
import { isPhotoPublic } from '../public/rules.ts';

/**
 * Photos at unguessable URLs (/media/<128-bit id>.jpg). They are always our own re-encoded
 * JPEGs, sent as image/jpeg with nosniff, so an upload can never be served as a page.
 * Only photos the public rules allow are served here (server/public/rules.ts: verified, not
 * confidential, not hidden); the desk serves every photo to its roles. Cached briefly, not
 * for ever: a photo an officer hides must disappear from shared caches soon after.
 */
const PUBLIC_PHOTO_MAX_AGE_S = 300;

export function mediaRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/media/:file', async (req, res) => {
    const match = /^([A-Za-z0-9_-]{22})(\.thumb)?\.jpg$/.exec(String(req.params.file));
    if (!match) throw new AppError('not_found', { status: 404 });
    const report = await deps.store.getReportByPhotoId(match[1]);
    if (!report || !isPhotoPublic(report, match[1])) throw new AppError('not_found', { status: 404 });
    const bytes = await deps.photos.read(match[1], match[2] ? 'thumb' : 'full');
    if (!bytes) throw new AppError('not_found', { status: 404 });
    res.set({
      'Content-Type': 'image/jpeg',
      'Content-Security-Policy': UPLOAD_CSP,
      'Cache-Control': `public, max-age=${PUBLIC_PHOTO_MAX_AGE_S}`,
    }).send(bytes);
  });
  return router;
}
