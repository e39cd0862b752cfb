// Messages the hotline starts itself (issue 15's status notifications go through here):
// WhatsApp text or template through the Graph API, SMS into the queue the gateway phone polls.
// No outbox yet: a failed WhatsApp send is the caller's to retry.
import { randomUUID } from 'node:crypto';
import { fitSms } from '../../shared/channel-text.ts';
import type { Deps } from '../deps.ts';
import type { GraphClient } from './whatsapp/graph-client.ts';
import { toGraphMessage, type Recipient } from './whatsapp/messages.ts';

export async function sendWhatsAppText(graph: GraphClient, to: Recipient, text: string): Promise<string | null> {
  return graph.send(toGraphMessage(to, { kind: 'text', text }));
}

/** A pre-approved template (needed outside WhatsApp's 24-hour window), with body parameters. */
export async function sendWhatsAppTemplate(graph: GraphClient, to: Recipient, name: string, language: string, params: string[]): Promise<string | null> {
  const address = to.phone ? { to: to.phone } : { recipient: to.userId };
  return graph.send({
    messaging_product: 'whatsapp', recipient_type: 'individual', ...address, type: 'template',
    template: { name, language: { code: language }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
  });
}

/** Queues one SMS for the gateway phone's next `task=send` poll. */
export async function queueSms(deps: Deps, to: string, text: string): Promise<string> {
  const uuid = randomUUID();
  await deps.store.channels.enqueueSms({ uuid, to, message: fitSms(text), createdAt: deps.clock().toISOString() });
  return uuid;
}
