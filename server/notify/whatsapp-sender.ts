// Sends one outbox message on WhatsApp: to the reporter's contact, unless they said BERHENTI;
// free text within 24 hours of their last message, else the approved status template.
import type { Deps } from '../deps.ts';
import { sendWhatsAppTemplate, sendWhatsAppText } from '../channels/sender.ts';
import { GraphApiError, isTransientFailure, type GraphClient } from '../channels/whatsapp/graph-client.ts';
import type { OutboxMessage, OutboxOutcome } from '../store/notify-port.ts';
import { factsOf, noticeText, templateParams } from './render.ts';
import { openCode, sealKey } from './seal.ts';

/** WhatsApp's customer service window: free text only this long after the citizen's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** What a try came to, before backoff: sent, not to be sent, or an error (transient or not). */
export type TryResult = OutboxOutcome | { status: 'error'; transient: boolean; problem: string };

export function problemOf(err: unknown): string {
  if (err instanceof GraphApiError) return `graph_${err.status}`;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'timeout';
  return 'network';
}

export interface Prepared { ok: true; address: string; userId: boolean; code: string; agencyId: string; lastInboundAt: string | null }

/** The message's text and where to, read from the report and the sender-only contact. */
export async function prepare(deps: Deps, message: OutboxMessage): Promise<Prepared | { ok: false; outcome: OutboxOutcome }> {
  const [report, contact] = await Promise.all([deps.store.getReport(message.reportId), deps.store.notify.getContact(message.reportId)]);
  // A report made before notifications existed, or whose reporter left no way to reach them.
  if (!report || !contact) return { ok: false, outcome: { status: 'skipped', problem: 'no_contact' } };
  const recipient = await deps.store.notify.getRecipient(contact.recipientKey);
  if (recipient?.optedOut) return { ok: false, outcome: { status: 'skipped', problem: 'opted_out' } };
  const code = openCode(await sealKey(deps), contact.codeSeal);
  if (!code) return { ok: false, outcome: { status: 'failed', problem: 'code_unreadable' } };
  return { ok: true, address: contact.address, userId: contact.userId, code, agencyId: report.agencyId, lastInboundAt: recipient?.lastInboundAt ?? null };
}

export async function tryWhatsApp(deps: Deps, graph: GraphClient, message: OutboxMessage): Promise<TryResult> {
  const ready = await prepare(deps, message);
  if (!ready.ok) return ready.outcome;
  const facts = factsOf(deps, message, ready.code, ready.agencyId);
  const to = ready.userId ? { userId: ready.address } : { phone: ready.address };
  const options = { callbackData: message.id, timeoutMs: deps.config.notify.sendTimeoutMs };
  const lastInbound = ready.lastInboundAt ? Date.parse(ready.lastInboundAt) : null;
  const inWindow = lastInbound !== null && deps.clock().getTime() - lastInbound < WINDOW_MS;
  const { templateStatus, templateLang } = deps.config.notify;
  if (!inWindow && !templateStatus) return { status: 'failed', problem: 'no_template' };
  try {
    const providerId = inWindow
      ? await sendWhatsAppText(graph, to, noticeText(message, facts), options)
      : await sendWhatsAppTemplate(graph, to, templateStatus ?? '', templateLang, templateParams(message, facts), options);
    return { status: 'sent', providerId };
  } catch (err) {
    return { status: 'error', transient: isTransientFailure(err), problem: problemOf(err) };
  }
}
