import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { message, type MessageCode } from '../../shared/messages.ts';
import type { ApiErrorBody } from '../../shared/types.ts';
import { AppError } from '../errors.ts';

function bytesLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function clientErrorStatus(err: unknown): number | null {
  if (typeof err !== 'object' || err === null || !('expose' in err) || err.expose !== true) return null;
  const status = 'status' in err ? err.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** Turns what Express, body-parser and multer throw into the project's own errors. */
export function toAppError(err: unknown, limits: { maxPhotos: number; maxPhotoBytes: number }): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) {
    // multer 2.x codes newer than @types/multer's ErrorCode are compared as plain strings.
    switch (err.code as string) {
      case 'LIMIT_FILE_SIZE':
        return new AppError('photo_too_large', { status: 413, params: { max: bytesLabel(limits.maxPhotoBytes) }, fields: { photos: 'photo_too_large' } });
      case 'LIMIT_FILE_COUNT':
        return new AppError('too_many_photos', { status: 413, params: { max: limits.maxPhotos }, fields: { photos: 'too_many_photos' } });
      case 'LIMIT_UNEXPECTED_FILE':
        // `.array('photos', max)` reports one file too many as an unexpected file in that field.
        return err.field === 'photos'
          ? new AppError('too_many_photos', { status: 413, params: { max: limits.maxPhotos }, fields: { photos: 'too_many_photos' } })
          : new AppError('unexpected_file_field', { status: 400, fields: { [err.field ?? 'file']: 'unexpected_file_field' } });
      case 'LIMIT_FIELD_NESTING':
      case 'LIMIT_FIELD_ARRAY_INDEX':
      case 'LIMIT_FIELD_KEY':
      case 'INVALID_FIELD_NAME':
      case 'MISSING_FIELD_NAME':
        return new AppError('invalid_form', { status: 400 });
      default:
        return new AppError('body_too_large', { status: 413 });
    }
  }
  // A malformed %-escape in a path parameter (express 5's router decodes it and raises a URIError
  // with status 400) or anywhere else: by type, so no route needs to know.
  if (err instanceof URIError) return new AppError('bad_request_encoding', { status: 400 });
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('invalid_json', { status: 400 });
  if (type === 'entity.too.large') return new AppError('body_too_large', { status: 413 });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('unsupported_media_type', { status: 415 });
  // Any other client error raised by Express or a body parser (http-errors marks those it may
  // show: an aborted body, a bad Content-Length, too many parameters …) keeps its 4xx status.
  const status = clientErrorStatus(err);
  if (status !== null) return new AppError(status === 413 ? 'body_too_large' : 'bad_request', { status });
  return null;
}

export function errorBody(err: AppError, lang: 'id' | 'en' = 'id'): ApiErrorBody {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([field, code]) => [field, message(code as MessageCode, err.params, lang)]))
    : undefined;
  return { error: { code: err.code, message: message(err.code, err.params, lang), ...(fields ? { fields, fieldCodes: err.fields } : {}) } };
}

export function errorHandler(limits: { maxPhotos: number; maxPhotoBytes: number }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err, limits) ?? new AppError('internal_error', { status: 500 });
    if (appError.status >= 500) req.log?.error({ err }, 'request failed');
    else req.log?.info({ code: appError.code, status: appError.status }, 'request refused');
    if (res.headersSent) return;
    res.set(appError.headers).status(appError.status).json(errorBody(appError));
  };
}

export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('not_found', { status: 404 }));
