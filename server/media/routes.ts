import { Router } from 'express';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';

/**
 * Photos at unguessable URLs (/media/<128-bit id>.jpg). They are always our own re-encoded
 * JPEGs, sent as image/jpeg with nosniff, so an upload can never be served as a page.
 * Photos of a confidential report are refused here; the desk serves those to its roles.
 */
export function mediaRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/media/:file', async (req, res) => {
    const match = /^([A-Za-z0-9_-]{22})(\.thumb)?\.jpg$/.exec(String(req.params.file));
    if (!match) throw new AppError('not_found', { status: 404 });
    const report = await deps.store.getReportByPhotoId(match[1]);
    if (!report || report.confidential) throw new AppError('not_found', { status: 404 });
    const bytes = await deps.photos.read(match[1], match[2] ? 'thumb' : 'full');
    if (!bytes) throw new AppError('not_found', { status: 404 });
    res.set({
      'Content-Type': 'image/jpeg',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'public, max-age=31536000, immutable',
    }).send(bytes);
  });
  return router;
}
