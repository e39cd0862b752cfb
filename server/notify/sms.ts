// SMS status messages go out through the gateway phone's polling (SMSSync's task=send): each poll
// claims the due SMS of the outbox with a lease and hands them out beside the queued replies,
// with the outbox id as the uuid; the phone's task=sent marks them sent. One not acknowledged
// is handed out again after the lease, NOTIFY_MAX_ATTEMPTS times, then marked failed.
import type { Deps } from '../deps.ts';
import { factsOf, noticeText, smsText } from './render.ts';
import { prepare } from './whatsapp-sender.ts';

export interface GatewaySms { to: string; message: string; uuid: string }

export async function claimSmsForGateway(deps: Deps, limit: number): Promise<GatewaySms[]> {
  const { leaseMs, maxAttempts } = deps.config.notify;
  const now = deps.clock();
  const claimed = await deps.store.notify.claimOutbox('sms', now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit);
  const out: GatewaySms[] = [];
  for (const message of claimed) {
    // Handed out maxAttempts times and never acknowledged: the phone is not sending it.
    if (message.attempts > maxAttempts) {
      await deps.store.notify.settleOutbox(message.id, { status: 'failed', problem: 'not_acknowledged' }, now.toISOString());
      continue;
    }
    const ready = await prepare(deps, message);
    if (!ready.ok) {
      await deps.store.notify.settleOutbox(message.id, ready.outcome, now.toISOString());
      continue;
    }
    out.push({ to: ready.address, message: smsText(noticeText(message, factsOf(deps, message, ready.code, ready.agencyId))), uuid: message.id });
  }
  return out;
}

/** The uuids the phone confirmed that are outbox messages, marked sent. */
export async function acknowledgeSms(deps: Deps, uuids: string[]): Promise<string[]> {
  const at = deps.clock().toISOString();
  const known: string[] = [];
  for (const uuid of uuids) {
    const message = await deps.store.notify.getOutbox(uuid);
    if (message?.channel !== 'sms') continue;
    await deps.store.notify.recordDelivery({ id: uuid }, 'sent', at);
    known.push(uuid);
  }
  return known;
}
