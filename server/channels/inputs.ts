// What a citizen sent, the same for every channel once its parser has read it.
import * as v from 'valibot';

export type ChannelInput =
  | { kind: 'text'; text: string }
  /** A tapped button or list row: our own id, and the title the citizen saw. */
  | { kind: 'choice'; id: string; title: string }
  | { kind: 'location'; lat: number; lng: number }
  /** `problem` is set by the service after asking the Graph API about the file (size, type). */
  | { kind: 'image'; mediaId: string; mimeType: string; caption?: string; problem?: 'too_large' | 'not_image' | 'unavailable' }
  | { kind: 'unsupported'; type: string };

/** An inbound message as the inbox keeps it (InboundMessage.payload). */
export interface InboundPayload {
  input: ChannelInput;
  /** WhatsApp: the id of our message the citizen replied to (`context.id`). */
  contextId?: string;
  /** The phone number as the channel gave it (digits for WhatsApp, as typed for SMS); absent when WhatsApp withheld it. */
  phone?: string;
  /** WhatsApp's business-scoped user id (`from_user_id`), when given. */
  userId?: string;
  /** The WhatsApp profile name, when given. */
  profileName?: string;
}

/** The replies a conversation produces; each channel renders them its own way. */
export type Reply =
  | { kind: 'text'; text: string }
  /** At most 3 buttons (WhatsApp reply buttons), titles at most 20 characters. */
  | { kind: 'buttons'; text: string; buttons: { id: string; title: string }[] }
  /** At most 10 rows (WhatsApp interactive list), titles at most 24 characters. */
  | { kind: 'list'; text: string; button: string; rows: { id: string; title: string; description?: string }[] }
  /** WhatsApp's "send location" button. */
  | { kind: 'location_request'; text: string };

const InputSchema = v.variant('kind', [
  v.object({ kind: v.literal('text'), text: v.string() }),
  v.object({ kind: v.literal('choice'), id: v.string(), title: v.string() }),
  v.object({ kind: v.literal('location'), lat: v.number(), lng: v.number() }),
  v.object({ kind: v.literal('image'), mediaId: v.string(), mimeType: v.string(), caption: v.optional(v.string()) }),
  v.object({ kind: v.literal('unsupported'), type: v.string() }),
]);
const PayloadSchema = v.object({
  input: InputSchema,
  contextId: v.optional(v.string()),
  phone: v.optional(v.string()),
  userId: v.optional(v.string()),
  profileName: v.optional(v.string()),
});

/** The inbox keeps JSON; it is read back through the schema it was written with. */
export function readPayload(raw: unknown): InboundPayload | null {
  const parsed = v.safeParse(PayloadSchema, raw);
  return parsed.success ? parsed.output : null;
}
