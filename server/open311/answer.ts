// How every Open311 answer leaves: in the format the path names (.json or .xml), errors too, in
// the spec's error list ({code, description} per error), descriptions in Bahasa Indonesia.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { message, type MessageCode } from '../../shared/messages.ts';
import { AppError } from '../errors.ts';
import { toAppError } from '../http/error-handler.ts';
import { toJson, toXml, type Document } from './xml.ts';

export type Format = 'json' | 'xml';

/** The format a path asks for; any other is a 404 (there is no such resource). */
export function formatOf(req: Request): Format {
  const format = req.params.format;
  if (format === 'json' || format === 'xml') return format;
  throw new AppError('open311_format_unknown', { status: 404 });
}

export function send(res: Response, format: Format, doc: Document, status = 200): void {
  res.status(status);
  if (format === 'xml') res.type('text/xml; charset=utf-8').send(toXml(doc));
  else res.type('application/json; charset=utf-8').send(toJson(doc));
}

/**
 * The spec's statuses: 404 for what does not exist, 403 for a missing or wrong key, 400 for any
 * other refusal (our 422 validation, 413, 415 …); 429 keeps its own, with Retry-After.
 */
function specStatus(status: number): number {
  if (status === 403 || status === 404 || status === 429 || status >= 500) return status;
  return 400;
}

export function errorDoc(err: AppError): Document {
  const status = specStatus(err.status);
  const fields = Object.entries(err.fields ?? {});
  const errors = fields.length > 0
    ? fields.map(([field, code]) => ({ code: status, description: `${field}: ${message(code as MessageCode, err.params)}` }))
    : [{ code: status, description: message(err.code, err.params) }];
  return { root: 'errors', body: errors };
}

/** The format of the path even when the route did not match (an unknown resource): .xml, else JSON. */
function formatOfPath(req: Request): Format {
  return /\.xml$/i.test(req.path) ? 'xml' : 'json';
}

export function open311Errors(limits: { maxPhotos: number; maxPhotoBytes: number }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err, limits) ?? new AppError('internal_error', { status: 500 });
    if (appError.status >= 500) req.log?.error({ err }, 'open311 request failed');
    else req.log?.info({ code: appError.code, status: appError.status }, 'open311 request refused');
    if (res.headersSent) return;
    res.set(appError.headers);
    send(res, formatOfPath(req), errorDoc(appError), specStatus(appError.status));
  };
}
