import type { FieldErrors, ParseResult } from './report-input.ts';

export interface FeedbackInputValue { rating?: number; comment?: string; reopen: boolean; reason?: string }

const COMMENT_MAX = 1000;

/** A rating (1–5, with an optional comment), or a reopen with the citizen's reason. */
export function parseFeedbackInput(raw: unknown): ParseResult<FeedbackInputValue> {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const fields: FieldErrors = {};
  const reopen = body.reopen === true || body.reopen === 'true' || body.reopen === 'on';
  const text = (key: string): string | undefined => {
    const v = body[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') { fields[key] = 'invalid_choice'; return undefined; }
    if (v.trim().length > COMMENT_MAX) { fields[key] = 'text_too_long'; return undefined; }
    return v.trim() || undefined;
  };
  const comment = text('comment');
  const reason = text('reason');
  let rating: number | undefined;
  if (body.rating !== undefined && body.rating !== '') {
    rating = Number(body.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) { fields.rating = 'invalid_rating'; rating = undefined; }
  }
  if (reopen && !reason && !fields.reason) fields.reason = 'reopen_reason_required';
  if (!reopen && rating === undefined && !fields.rating) fields.rating = 'invalid_rating';
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value: { rating, comment, reopen, reason } };
}
