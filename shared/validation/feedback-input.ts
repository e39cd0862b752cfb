// The citizen's word on a resolved report: a rating (1–5, with an optional comment), or a reopen
// with the reason. The same schema reads the JSON API and the plain tracking-page forms.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { checkWith, type ParseResult } from './schema.ts';
import { dropUndefined, fieldsOf, flag, number, optional, text } from './fields.ts';

const COMMENT_MAX = 1000;

export const FeedbackInputSchema = v.pipe(
  fieldsOf({
    rating: optional(number({ min: 1, max: 5, integer: true, invalid: 'invalid_rating' })),
    comment: optional(text({ max: COMMENT_MAX })),
    reopen: optional(flag()),
    reason: optional(text({ max: COMMENT_MAX })),
  }),
  v.forward(v.partialCheck([['reopen'], ['reason']], (i) => !i.reopen || i.reason !== undefined, 'reopen_reason_required' satisfies MessageCode), ['reason']),
  v.forward(v.partialCheck([['reopen'], ['rating']], (i) => i.reopen === true || i.rating !== undefined, 'invalid_rating' satisfies MessageCode), ['rating']),
  v.transform((i) => dropUndefined({ ...i, reopen: i.reopen ?? false })),
);
export type FeedbackInputValue = v.InferOutput<typeof FeedbackInputSchema>;

export function parseFeedbackInput(raw: unknown): ParseResult<FeedbackInputValue> {
  return checkWith(FeedbackInputSchema, raw);
}
