import { Router } from 'express';
import { DESK_ACTIONS } from '../../shared/desk.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import { parseDeskAction } from '../../shared/validation/desk-action.ts';
import { DeskListQuerySchema } from '../../shared/validation/queries.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { publicIdParam } from '../http/report-params.ts';
import { parseInput } from '../http/parse.ts';
import { UPLOAD_CSP } from '../http/security-headers.ts';
import { CSV_CONTENT_TYPE } from '../http/csv.ts';
import { streamOut } from '../http/stream.ts';
import { deskQueueCsv } from './export.ts';
import { canSee } from './policy.ts';
import { deskNotifications, retryNotification } from '../notify/desk.ts';
import { findVisibleReport, getDeskReport, listDeskReports, listOfficers, performAction } from './service.ts';



function one(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `wakeNotifier`: a retried status message is sent at once, not at the sender's next poll. */
export function deskRoutes(deps: Deps, wakeNotifier: () => void = () => {}): Router {
  const router = Router();
  router.use('/api/desk', sameOriginOnly(deps.config.publicUrl), requireUser(deps), (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/desk/meta', (req, res) => {
    res.json({ user: userOf(req), agencies: deps.catalog.agencies, statuses: STATUSES, actions: DESK_ACTIONS });
  });

  router.get('/api/desk/officers', async (req, res) => {
    res.json({ items: await listOfficers(deps, userOf(req), one(req.query.agencyId)) });
  });

  router.get('/api/desk/reports', async (req, res) => {
    res.json(await listDeskReports(deps, userOf(req), parseInput(DeskListQuerySchema, req.query)));
  });

  // Before /:publicId. The queue under the same filters as the list, as a streamed CSV.
  router.get('/api/desk/reports/export.csv', async (req, res) => {
    const { limit: _limit, cursor: _cursor, ...filters } = parseInput(DeskListQuerySchema, req.query);
    res.set({ 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="antrean-${deps.clock().toISOString().slice(0, 10)}.csv"` });
    await streamOut(req, res, deskQueueCsv(deps, userOf(req), filters));
  });

  router.get('/api/desk/reports/:publicId', async (req, res) => {
    res.json(await getDeskReport(deps, userOf(req), publicIdParam(req)));
  });

  router.post('/api/desk/reports/:publicId/actions', async (req, res) => {
    const publicId = publicIdParam(req);
    const user = userOf(req);
    // Unknown or foreign reports are 404 before the body is judged, so a 422 reveals nothing.
    await findVisibleReport(deps, user, publicId);
    const parsed = parseDeskAction(req.body);
    if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
    res.json({ report: await performAction(deps, user, publicId, parsed.value) });
  });

  // The status messages to the reporter (server/notify/): what was sent and how it went.
  router.get('/api/desk/reports/:publicId/notifications', async (req, res) => {
    res.json(await deskNotifications(deps, userOf(req), publicIdParam(req)));
  });

  router.post('/api/desk/reports/:publicId/notifications/:id/retry', async (req, res) => {
    const id = String(req.params.id);
    if (id.length > 64) throw new AppError('not_found', { status: 404 });
    res.json(await retryNotification(deps, userOf(req), publicIdParam(req), id, wakeNotifier));
  });

  // Photos for the desk, confidential ones included, to whoever may see the report. Never cached
  // by shared caches: access depends on the session.
  router.get('/api/desk/media/:file', async (req, res) => {
    const match = /^([A-Za-z0-9_-]{22})(\.thumb)?\.jpg$/.exec(String(req.params.file));
    if (!match) throw new AppError('not_found', { status: 404 });
    const report = await deps.store.getReportByPhotoId(match[1]);
    if (!report || !canSee(userOf(req), report)) throw new AppError('not_found', { status: 404 });
    const bytes = await deps.photos.read(match[1], match[2] ? 'thumb' : 'full');
    if (!bytes) throw new AppError('not_found', { status: 404 });
    res.set({
      'Content-Type': 'image/jpeg',
      'Content-Security-Policy': UPLOAD_CSP,
      'Cache-Control': 'private, no-store',
    }).send(bytes);
  });

  return router;
}
