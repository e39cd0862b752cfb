// The WhatsApp Cloud API `messages` webhook, as Meta documents it
// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages):
// { object: 'whatsapp_business_account', entry: [{ id, changes: [{ field: 'messages', value: {
//   messaging_product, metadata: { display_phone_number, phone_number_id },
//   contacts: [{ profile: { name }, wa_id?, user_id? }], messages: [...], statuses: [...] } }] }] }.
// Objects are loose: Meta adds fields, and an unknown one must not refuse a citizen's message.
import * as v from 'valibot';
import type { ChannelInput, InboundPayload } from '../inputs.ts';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const shortText = v.pipe(v.string(), v.maxLength(4096));

const messageSchema = v.looseObject({
  id,
  /** The sender's phone number; omitted when the user hides it behind a username. */
  from: v.optional(v.pipe(v.string(), v.maxLength(32))),
  /** The sender's business-scoped user id (BSUID). */
  from_user_id: v.optional(v.pipe(v.string(), v.maxLength(160))),
  timestamp: v.pipe(v.string(), v.regex(/^\d{1,12}$/)),
  type: v.pipe(v.string(), v.maxLength(40)),
  context: v.optional(v.looseObject({ id: v.optional(id) })),
  text: v.optional(v.looseObject({ body: shortText })),
  interactive: v.optional(v.looseObject({
    type: v.string(),
    button_reply: v.optional(v.looseObject({ id, title: shortText })),
    list_reply: v.optional(v.looseObject({ id, title: shortText })),
  })),
  button: v.optional(v.looseObject({ payload: v.optional(shortText), text: shortText })),
  location: v.optional(v.looseObject({ latitude: v.number(), longitude: v.number() })),
  image: v.optional(v.looseObject({ id, mime_type: v.pipe(v.string(), v.maxLength(100)), caption: v.optional(shortText) })),
});

const contactSchema = v.looseObject({
  profile: v.optional(v.looseObject({ name: v.optional(v.pipe(v.string(), v.maxLength(256))) })),
  wa_id: v.optional(v.pipe(v.string(), v.maxLength(32))),
  user_id: v.optional(v.pipe(v.string(), v.maxLength(160))),
});

const statusSchema = v.looseObject({
  id,
  status: v.string(),
  /** What we sent along as biz_opaque_callback_data: the outbox id (server/notify/). */
  biz_opaque_callback_data: v.optional(v.pipe(v.string(), v.maxLength(512))),
  timestamp: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/))),
  recipient_id: v.optional(v.string()),
  errors: v.optional(v.array(v.looseObject({ code: v.optional(v.number()), title: v.optional(v.string()) }))),
});

export const WebhookSchema = v.looseObject({
  object: v.string(),
  entry: v.pipe(v.array(v.looseObject({
    changes: v.pipe(v.array(v.looseObject({
      field: v.string(),
      value: v.looseObject({
        metadata: v.optional(v.looseObject({ phone_number_id: v.string() })),
        contacts: v.optional(v.pipe(v.array(contactSchema), v.maxLength(1000))),
        messages: v.optional(v.pipe(v.array(messageSchema), v.maxLength(1000))),
        statuses: v.optional(v.pipe(v.array(statusSchema), v.maxLength(1000))),
      }),
    })), v.maxLength(100)),
  })), v.maxLength(100)),
});

export type WhatsAppMessage = v.InferOutput<typeof messageSchema>;
export type WhatsAppStatus = v.InferOutput<typeof statusSchema>;

const SILENT_TYPES = ['reaction', 'system'];

/** One inbound message, ready for the inbox. */
export interface ParsedMessage {
  messageId: string;
  sender: string;
  sentAt: string;
  payload: InboundPayload;
}

function inputOf(message: WhatsAppMessage): ChannelInput {
  switch (message.type) {
    case 'text':
      if (message.text) return { kind: 'text', text: message.text.body };
      break;
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (reply) return { kind: 'choice', id: reply.id, title: reply.title };
      break;
    }
    case 'button':
      // A quick-reply button of a template message (issue 15's notifications).
      if (message.button) return { kind: 'text', text: message.button.payload ?? message.button.text };
      break;
    case 'location':
      if (message.location) return { kind: 'location', lat: message.location.latitude, lng: message.location.longitude };
      break;
    case 'image':
      if (message.image) return { kind: 'image', mediaId: message.image.id, mimeType: message.image.mime_type, caption: message.image.caption };
      break;
  }
  return { kind: 'unsupported', type: message.type };
}

/**
 * The citizen messages of a webhook addressed to our phone number. The conversation key is the
 * phone number where WhatsApp gave one, else the business-scoped user id; a message with
 * neither cannot be answered and is left out. Statuses of what we sent are returned beside them.
 */
export function messagesOf(body: v.InferOutput<typeof WebhookSchema>, phoneNumberId: string): { messages: ParsedMessage[]; statuses: WhatsAppStatus[] } {
  const messages: ParsedMessage[] = [];
  const statuses: WhatsAppStatus[] = [];
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = change.value;
      if (value.metadata && value.metadata.phone_number_id !== phoneNumberId) continue;
      statuses.push(...(value.statuses ?? []));
      for (const message of value.messages ?? []) {
        // A reaction (👍 on our message) or a system notice (number changed) asks for no answer.
        if (SILENT_TYPES.includes(message.type)) continue;
        const contact = value.contacts?.find((c) => (message.from && c.wa_id === message.from) || (message.from_user_id && c.user_id === message.from_user_id))
          ?? (value.contacts?.length === 1 ? value.contacts[0] : undefined);
        const phone = message.from ?? contact?.wa_id;
        const userId = message.from_user_id ?? contact?.user_id;
        const sender = phone ?? userId;
        if (!sender) continue;
        messages.push({
          messageId: message.id,
          sender,
          sentAt: new Date(Number(message.timestamp) * 1000).toISOString(),
          payload: {
            input: inputOf(message),
            ...(message.context?.id ? { contextId: message.context.id } : {}),
            ...(phone ? { phone } : {}),
            ...(userId ? { userId } : {}),
            ...(contact?.profile?.name ? { profileName: contact.profile.name } : {}),
          },
        });
      }
    }
  }
  return { messages, statuses };
}
