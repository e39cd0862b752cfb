// WhatsApp's delivery statuses (the webhook's statuses[]: sent, delivered, read, failed) onto
// the outbox: matched by the outbox id we sent as biz_opaque_callback_data, else by the wamid.
// And each citizen message's time, which opens WhatsApp's 24-hour window for free text.
import type { Deps } from '../deps.ts';
import type { WhatsAppStatus } from '../channels/whatsapp/payload.ts';
import { recipientKey } from './recipient.ts';

const DELIVERY = ['sent', 'delivered', 'read', 'failed'] as const;
type Delivery = (typeof DELIVERY)[number];

function isDelivery(status: string): status is Delivery {
  return (DELIVERY as readonly string[]).includes(status);
}

export async function recordStatuses(deps: Deps, statuses: WhatsAppStatus[]): Promise<void> {
  for (const s of statuses) {
    if (!isDelivery(s.status)) continue;
    const at = s.timestamp ? new Date(Number(s.timestamp) * 1000).toISOString() : deps.clock().toISOString();
    const code = s.errors?.[0]?.code;
    const matched = await deps.store.notify.recordDelivery(
      { ...(s.biz_opaque_callback_data ? { id: s.biz_opaque_callback_data } : {}), providerId: s.id },
      s.status, at, s.status === 'failed' ? `whatsapp_${code ?? 'unknown'}` : undefined,
    );
    if (s.status === 'failed') deps.logger.warn({ messageId: s.id, errors: s.errors, outbox: matched }, 'WhatsApp reports a message it could not deliver');
  }
}

/** A citizen wrote at `sentAt`: the phone number where WhatsApp gave one, else the user id. */
export async function noteWhatsAppInbound(deps: Deps, from: { phone?: string; userId?: string }, sentAt: string): Promise<void> {
  const key = from.phone ? recipientKey(from.phone) : from.userId ? recipientKey(from.userId, true) : null;
  if (key) await deps.store.notify.noteInbound(key, sentAt);
}
