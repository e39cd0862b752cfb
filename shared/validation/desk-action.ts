// The body of a desk action: its type and the one or two fields that type needs, each named by
// the message the officer sees next to it when it is missing.
import * as v from 'valibot';
import type { MessageCode } from '../messages.ts';
import { normalisePublicId } from '../public-id.ts';
import { asRecord, dropUndefined, optional, required, text } from './fields.ts';
import { checkWith, type ParseResult } from './schema.ts';

const TEXT_MAX = 4000;
const note = text({ max: TEXT_MAX });
const needs = (missing: MessageCode) => required(note, missing);
const action = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) => v.object({ type: v.literal(type), ...entries });
const photo = { photoId: needs('invalid_photo') };

const ActionSchema = v.variant('type', [
  action('verify', { note: optional(note) }),
  action('start', { note: optional(note) }),
  action('resolve', { note: needs('note_required') }),
  action('reject', { reason: needs('reason_required') }),
  action('duplicate', {
    of: required(v.pipe(note, v.transform(normalisePublicId), v.string('invalid_duplicate_of' satisfies MessageCode))),
  }),
  action('forward', { agencyId: needs('invalid_agency'), note: needs('note_required') }),
  action('assign', { userId: needs('invalid_assignee') }),
  action('reply', { message: needs('message_required') }),
  action('note', { text: needs('note_required') }),
  action('redact', { text: needs('redacted_text_required') }),
  action('hide_photo', photo),
  action('publish_photo', photo),
  // Checked against the report's category when applied (server/desk/actions.ts).
  action('complete_details', { details: v.pipe(v.unknown(), v.transform(asRecord)) }),
], 'invalid_action' satisfies MessageCode);

export const DeskActionSchema = v.pipe(v.unknown(), v.transform(asRecord), ActionSchema, v.transform(dropUndefined));
export type DeskActionInput = v.InferOutput<typeof DeskActionSchema>;

/** The body of a desk action: its type and the one or two fields that type needs. */
export function parseDeskAction(raw: unknown): ParseResult<DeskActionInput> {
  return checkWith(DeskActionSchema, raw);
}
