import { Router, type Request } from 'express';
import { DESK_ACTIONS } from '../../shared/desk.ts';
import { CATEGORY_IDS } from '../../shared/reference/categories.ts';
import { STATUSES } from '../../shared/reference/statuses.ts';
import { normaliseCode } from '../../shared/tracking-code.ts';
import type { CategoryId, ReportStatus } from '../../shared/types.ts';
import { parseDeskAction } from '../../shared/validation/desk-action.ts';
import type { FieldErrors } from '../../shared/validation/report-input.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import { requireUser, userOf } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { UPLOAD_CSP } from '../http/security-headers.ts';
import { canSee } from './policy.ts';
import { findVisibleReport, getDeskReport, listDeskReports, listOfficers, performAction, type DeskListFilters } from './service.ts';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

function codeParam(req: Request): string {
  const code = normaliseCode(String(req.params.code));
  if (!code) throw new AppError('report_not_found', { status: 404 });
  return code;
}

function one(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** ?status=new,verified&category=&kecamatan=&q=&overdue=true&limit=&cursor= */
function readFilters(query: Request['query']): DeskListFilters {
  const fields: FieldErrors = {};
  const statusRaw = one(query.status);
  const status = statusRaw?.split(',').map((s) => s.trim()) as ReportStatus[] | undefined;
  if (status?.some((s) => !STATUSES.some((t) => t.id === s))) fields.status = 'invalid_choice';
  const category = one(query.category) as CategoryId | undefined;
  if (category && !CATEGORY_IDS.includes(category)) fields.category = 'invalid_category';
  const limitRaw = one(query.limit);
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) fields.limit = 'invalid_number';
  const q = one(query.q);
  if (q && q.length > 200) fields.q = 'text_too_long';
  if (Object.keys(fields).length) throw new AppError('validation_failed', { status: 422, fields });
  const overdue = one(query.overdue);
  return { status, category, kecamatan: one(query.kecamatan), q, overdue: overdue === 'true' || overdue === '1', limit, cursor: one(query.cursor) };
}

export function deskRoutes(deps: Deps): Router {
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
    res.json(await listDeskReports(deps, userOf(req), readFilters(req.query)));
  });

  router.get('/api/desk/reports/:code', async (req, res) => {
    res.json(await getDeskReport(deps, userOf(req), codeParam(req)));
  });

  router.post('/api/desk/reports/:code/actions', async (req, res) => {
    const code = codeParam(req);
    const user = userOf(req);
    // Unknown or foreign reports are 404 before the body is judged, so a 422 reveals nothing.
    await findVisibleReport(deps, user, code);
    const parsed = parseDeskAction(req.body);
    if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
    res.json({ report: await performAction(deps, user, code, parsed.value) });
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
