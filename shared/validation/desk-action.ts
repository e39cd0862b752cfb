import type { MessageCode } from '../messages.ts';
import { DESK_ACTIONS, type DeskAction, type DeskActionInput } from '../desk.ts';
import { normalisePublicId } from '../public-id.ts';
import type { FieldErrors, ParseResult } from './report-input.ts';

const TEXT_MAX = 4000;

/** The body of a desk action: its type and the one or two fields that type needs. */
export function parseDeskAction(raw: unknown): ParseResult<DeskActionInput> {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const fields: FieldErrors = {};
  const type = body.type as DeskAction;
  if (!DESK_ACTIONS.includes(type)) return { ok: false, fields: { type: 'invalid_action' } };

  const text = (key: string, missing: MessageCode | null): string => {
    const v = body[key];
    if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
      if (missing) fields[key] = missing;
      return '';
    }
    if (typeof v !== 'string') { fields[key] = 'invalid_choice'; return ''; }
    if (v.trim().length > TEXT_MAX) { fields[key] = 'text_too_long'; return ''; }
    return v.trim();
  };

  let value: DeskActionInput;
  switch (type) {
    case 'verify':
    case 'start': {
      const note = text('note', null);
      value = note ? { type, note } : { type };
      break;
    }
    case 'resolve': value = { type, note: text('note', 'note_required') }; break;
    case 'reject': value = { type, reason: text('reason', 'reason_required') }; break;
    case 'duplicate': {
      const of = normalisePublicId(text('of', 'required'));
      if (!of && !fields.of) fields.of = 'invalid_duplicate_of';
      value = { type, of: of ?? '' };
      break;
    }
    case 'forward': value = { type, agencyId: text('agencyId', 'invalid_agency'), note: text('note', 'note_required') }; break;
    case 'assign': value = { type, userId: text('userId', 'invalid_assignee') }; break;
    case 'reply': value = { type, message: text('message', 'message_required') }; break;
    case 'note': value = { type, text: text('text', 'note_required') }; break;
    case 'redact': value = { type, text: text('text', 'redacted_text_required') }; break;
    case 'hide_photo':
    case 'publish_photo': value = { type, photoId: text('photoId', 'invalid_photo') }; break;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}
