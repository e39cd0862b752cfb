// Our replies as the Cloud API's POST /{phone-number-id}/messages bodies
// (developers.facebook.com/documentation/business-messaging/whatsapp/messages/...).
// `recipient_type: 'individual'` is sent always (required since v25.0).
import type { Reply } from '../inputs.ts';

/** Who to send to: the phone number where we have it, else the business-scoped user id. */
export interface Recipient { phone?: string; userId?: string }

// WhatsApp's limits: button titles 20, row titles 24, row descriptions 72, body 1024 (interactive) / 4096 (text).
const LIMITS = { buttonTitle: 20, rowTitle: 24, rowDescription: 72, interactiveBody: 1024, text: 4096, listButton: 20 };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function addressOf(to: Recipient): { to: string } | { recipient: string } {
  if (to.phone) return { to: to.phone };
  if (to.userId) return { recipient: to.userId };
  throw new Error('a WhatsApp recipient needs a phone number or a user id');
}

export function toGraphMessage(to: Recipient, reply: Reply): Record<string, unknown> {
  const head = { messaging_product: 'whatsapp', recipient_type: 'individual', ...addressOf(to) };
  switch (reply.kind) {
    case 'text':
      return { ...head, type: 'text', text: { preview_url: true, body: clip(reply.text, LIMITS.text) } };
    case 'buttons':
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: clip(reply.text, LIMITS.interactiveBody) },
          action: { buttons: reply.buttons.slice(0, 3).map((b) => ({ type: 'reply', reply: { id: b.id, title: clip(b.title, LIMITS.buttonTitle) } })) },
        },
      };
    case 'list':
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: clip(reply.text, LIMITS.interactiveBody) },
          action: {
            button: clip(reply.button, LIMITS.listButton),
            sections: [{
              title: clip(reply.button, LIMITS.rowTitle),
              rows: reply.rows.slice(0, 10).map((r) => ({
                id: r.id, title: clip(r.title, LIMITS.rowTitle), ...(r.description ? { description: clip(r.description, LIMITS.rowDescription) } : {}),
              })),
            }],
          },
        },
      };
    case 'location_request':
      return {
        ...head,
        type: 'interactive',
        interactive: { type: 'location_request_message', body: { text: clip(reply.text, LIMITS.interactiveBody) }, action: { name: 'send_location' } },
      };
  }
}
