// Messages the hotline starts itself: WhatsApp text or template through the Graph API, SMS into
// the queue the gateway phone polls. Status messages to reporters go through server/notify/'s
// outbox, which sends with these and retries; a direct caller retries for itself.
import { randomUUID } from 'node:crypto';
import { fitSms } from '../../shared/channel-text.ts';
import type { Deps } from '../deps.ts';
import type { GraphClient } from './whatsapp/graph-client.ts';
import { toGraphMessage, type Recipient } from './whatsapp/messages.ts';

/**
 * `options.callbackData` goes out as `biz_opaque_callback_data` (up to 512 characters): the Cloud
 * API does not process it, only returns it in the statuses of the message's webhooks, so a
 * status is matched to its outbox message even when the send's answer (the wamid) was lost.
 */
export interface SendOptions { callbackData?: string; timeoutMs?: number }

export async function sendWhatsAppText(graph: GraphClient, to: Recipient, text: string, options: SendOptions = {}): Promise<string | null> {
  const body = toGraphMessage(to, { kind: 'text', text });
  return graph.send(options.callbackData ? { ...body, biz_opaque_callback_data: options.callbackData } : body, options.timeoutMs);
}

/** A pre-approved template (needed outside WhatsApp's 24-hour window), with body parameters. */
export async function sendWhatsAppTemplate(graph: GraphClient, to: Recipient, name: string, language: string, params: string[], options: SendOptions = {}): Promise<string | null> {
  const address = to.phone ? { to: to.phone } : { recipient: to.userId };
  return graph.send({
    messaging_product: 'whatsapp', recipient_type: 'individual', ...address, type: 'template',
    template: { name, language: { code: language }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
    ...(options.callbackData ? { biz_opaque_callback_data: options.callbackData } : {}),
  }, options.timeoutMs);
}

/** Queues one SMS for the gateway phone's next `task=send` poll. */
export async function queueSms(deps: Deps, to: string, text: string): Promise<string> {
  const uuid = randomUUID();
  await deps.store.channels.enqueueSms({ uuid, to, message: fitSms(text), createdAt: deps.clock().toISOString() });
  return uuid;
}
