// Route parameters that name a report. A public id names it for anyone (desk, dukung, public
// pages); a tracking code only for its reporter. Anything else is the same 404 as an unknown one.
import type { Request } from 'express';
import { normalisePublicId } from '../../shared/public-id.ts';
import { normaliseCode } from '../../shared/tracking-code.ts';
import { AppError } from '../errors.ts';

export function publicIdParam(req: Request, name = 'publicId'): string {
  const publicId = normalisePublicId(String(req.params[name]));
  if (!publicId) throw new AppError('report_not_found', { status: 404 });
  return publicId;
}

export function trackingCodeParam(req: Request, name = 'code'): string {
  const code = normaliseCode(String(req.params[name]));
  if (!code) throw new AppError('report_not_found', { status: 404 });
  return code;
}
