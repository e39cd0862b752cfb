// The conversation's state as the store keeps it (ConversationRecord.state), with the schema it
// is read back through: JSON from the store is input like any other.
import * as v from 'valibot';
import { CATEGORY_IDS } from '../../../shared/reference/categories.ts';

export const STEPS = [
  'category', 'place', 'place_confirm', 'place_choose', 'desa', 'topic',
  'pupuk_type', 'pupuk_problem', 'pupuk_kiosk', 'pupuk_quantity', 'pupuk_price',
  'jalan_damage', 'jalan_severity', 'description', 'photos', 'confidential', 'anonymous', 'summary',
] as const;
export type Step = (typeof STEPS)[number];

const place = v.object({ kecamatan: v.string(), desa: v.string() });

export const DraftSchema = v.object({
  category: v.optional(v.picklist(CATEGORY_IDS)),
  kecamatan: v.optional(v.string()),
  desa: v.optional(v.string()),
  lat: v.optional(v.number()),
  lng: v.optional(v.number()),
  /** Places offered as buttons (place_confirm, place_choose). */
  candidates: v.optional(v.array(place)),
  details: v.record(v.string(), v.union([v.string(), v.number(), v.array(v.string())])),
  description: v.optional(v.string()),
  /** WhatsApp media ids; the photos are fetched when the report is sent. */
  photos: v.array(v.string()),
  confidential: v.optional(v.boolean()),
  anonymous: v.optional(v.boolean()),
});
export type Draft = v.InferOutput<typeof DraftSchema>;

export const StateSchema = v.object({
  step: v.picklist(STEPS),
  draft: DraftSchema,
  /** Last change (ISO); 24 hours later the conversation has expired. */
  updatedAt: v.string(),
  /** The id of the question last sent; a reply to another message gets this question again. */
  promptId: v.optional(v.string()),
});
export type ConversationState = v.InferOutput<typeof StateSchema>;

/** A stored state that no longer reads (an older shape) starts the conversation afresh. */
export function readState(raw: unknown): ConversationState | null {
  const parsed = v.safeParse(StateSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** Meta's customer-service window: a conversation left this long is closed. */
export const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;
