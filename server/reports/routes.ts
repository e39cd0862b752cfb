import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import multer from 'multer';
import { parseReportInput } from '../../shared/validation/report-input.ts';
import { parseFeedbackInput } from '../../shared/validation/feedback-input.ts';
import { NearbyQuerySchema } from '../../shared/validation/queries.ts';
import { wibDate } from '../../shared/working-days.ts';
import type { Report, ReportInput } from '../../shared/types.ts';
import { sameOriginOnly } from '../auth/csrf.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { citizenLimits } from '../http/citizen-limits.ts';
import { publicIdParam, trackingCodeParam } from '../http/report-params.ts';
import { parseInput } from '../http/parse.ts';
import { deviceIds } from './device.ts';
import { findNearby } from './nearby.ts';
import { getPublicView, giveFeedback, submitReport, type Upload } from './service.ts';
import { supportReport } from './support.ts';
import { trackingUrl } from '../http/links.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Idempotency-Key that is not a UUID is hashed into one, so it can share the clientId index. */
function clientIdFromKey(key: string): string {
  if (UUID.test(key)) return key.toLowerCase();
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Photos arrive in memory (bounded by the limits below), so no temp file can be left behind.
 * The form's text fields come along: bracket names (`details[fertiliserType]`,
 * `details[problems][]`) are nested by multer, or `details` may be one JSON text field.
 */
export function photoUpload(deps: Deps) {
  return multer({
    storage: multer.memoryStorage(),
    limits: {
      files: deps.config.maxPhotos,
      fileSize: deps.config.maxPhotoBytes,
      fields: 200,
      fieldSize: deps.config.maxBodyBytes,
      parts: deps.config.maxPhotos + 200,
      // Bracket names build nested objects (`details[problems][]`). Unbounded, a name like
      // `details[problems][4294967294]` builds a sparse array that blocks the event loop when read.
      fieldNestingDepth: 2,
      fieldArrayIndexLimit: 20,
    },
  }).array('photos', deps.config.maxPhotos);
}

export function uploadsOf(req: Request): Upload[] {
  const files = Array.isArray(req.files) ? req.files : [];
  return files.map((file, i) => ({ field: `photos.${i}`, bytes: file.buffer }));
}

/** Validates with the shared schema; a bad field is a 422 naming it. */
export function readReportInput(deps: Deps, body: unknown, idempotencyKey?: string): ReportInput {
  const parsed = parseReportInput(body, deps.catalog.region, wibDate(deps.clock()));
  if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
  if (!parsed.value.clientId && idempotencyKey) parsed.value.clientId = clientIdFromKey(idempotencyKey.slice(0, 200));
  return parsed.value;
}

/**
 * The intake answer: the public id (the report's name anywhere) and the tracking code (the
 * reporter's secret, shown here once; null only for a retry whose seal cannot be opened).
 */
export function receiptOf(deps: Deps, report: Report, code: string | null) {
  const agency = deps.catalog.agency(report.agencyId);
  return {
    publicId: report.publicId,
    code,
    status: report.status,
    category: report.category,
    agency: { id: report.agencyId, name: agency?.name ?? report.agencyId },
    createdAt: report.createdAt,
    verifyDueAt: report.verifyDueAt,
    confidential: report.confidential,
    anonymous: report.anonymous,
    photos: report.photos.length,
    details: report.category === 'pupuk' ? report.details : undefined,
    trackingUrl: code ? trackingUrl(deps.config, code) : null,
  };
}

/** ?category=&desa=&lat=&lng= — a category, and a desa or a point (or both). */

export function reportRoutes(deps: Deps): Router {
  const router = Router();
  const { submit: submitLimit, lookup: lookupLimit } = citizenLimits(deps);
  const upload = photoUpload(deps);
  const devices = deviceIds(deps);

  router.post('/api/reports', submitLimit, (req, res, next) => {
    if (req.is('multipart/form-data')) return upload(req, res, next);
    if (req.is('application/json')) return next();
    next(new AppError('unsupported_media_type', { status: 415 }));
  }, async (req, res) => {
    const input = readReportInput(deps, req.body, req.get('idempotency-key'));
    const { report, created, code } = await submitReport(deps, input, uploadsOf(req));
    res.status(created ? 201 : 200).json(receiptOf(deps, report, code));
  });

  router.get('/api/reports/nearby', lookupLimit, async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ items: await findNearby(deps, parseInput(NearbyQuerySchema, req.query)) });
  });

  // Same-origin only: the device cookie rides along, so another site must not spend it.
  // Addressed by public id: anyone may back a report, only its reporter may track it.
  router.post('/api/reports/:publicId/support', sameOriginOnly(deps.config.publicUrl), submitLimit, async (req, res) => {
    const { report, counted } = await supportReport(deps, publicIdParam(req), await devices.of(req, res));
    res.json({ publicId: report.publicId, supportCount: report.supportCount, counted });
  });

  router.get('/api/reports/:code', lookupLimit, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await getPublicView(deps, trackingCodeParam(req)));
  });

  router.post('/api/reports/:code/feedback', lookupLimit, async (req, res) => {
    const parsed = parseFeedbackInput(req.body);
    if (!parsed.ok) throw new AppError('validation_failed', { status: 422, fields: parsed.fields });
    const code = trackingCodeParam(req);
    await giveFeedback(deps, code, parsed.value);
    res.json(await getPublicView(deps, code));
  });

  return router;
}
