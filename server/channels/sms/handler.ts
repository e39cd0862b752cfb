// One SMS from the gateway phone: the one-message format (LAPOR#…, CEK#…), `CEK` alone for the
// reports from this number, anything else the format's help. The answer goes back inline.
import { CHAT, fitSms, SMS } from '../../../shared/channel-text.ts';
import { setNotifyOptOut } from '../../notify/opt-out.ts';
import { STATUSES } from '../../../shared/reference/statuses.ts';
import { normalisePhone } from '../../../shared/validation/phone.ts';
import type { Report } from '../../../shared/types.ts';
import type { Deps } from '../../deps.ts';
import { ConversationConflictError, type InboundMessage } from '../../store/channel-port.ts';
import { answerOneMessage } from '../one-message.ts';
import { readPayload } from '../inputs.ts';

/** SMS senders keep their own record (the reports sent from the number), apart from WhatsApp's. */
export function smsKey(phone: string): string {
  return `sms:${phone}`;
}

async function rememberReport(deps: Deps, key: string, publicId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await deps.store.channels.getConversation(key);
    if (record?.reports.includes(publicId)) return;
    const next = {
      key, channel: 'sms' as const, state: null, reports: [...(record?.reports ?? []), publicId], applied: [],
      updatedAt: deps.clock().toISOString(), version: (record?.version ?? 0) + 1,
    };
    try {
      await deps.store.channels.putConversation(next, record?.version ?? 0);
      return;
    } catch (err) {
      if (!(err instanceof ConversationConflictError)) throw err;
    }
  }
}

async function myReports(deps: Deps, key: string): Promise<string> {
  const codes = (await deps.store.channels.getConversation(key))?.reports ?? [];
  if (codes.length === 0) return SMS.none;
  const reports = await Promise.all([...codes].reverse().slice(0, 3).map((c) => deps.store.getReport(c)));
  return reports.filter((r): r is Report => r !== null).map((r) => `${r.publicId}: ${STATUSES.find((s) => s.id === r.status)?.label ?? r.status}`).join('; ');
}

export async function handleSmsMessage(deps: Deps, message: InboundMessage): Promise<string> {
  const payload = readPayload(message.payload);
  const text = payload?.input.kind === 'text' ? payload.input.text.trim() : '';
  const phone = payload?.phone ? normalisePhone(payload.phone) : null;
  if (/^cek$/i.test(text)) return fitSms(await myReports(deps, smsKey(message.sender)));
  if (/^(berhenti|mulai)$/i.test(text)) {
    const stop = /^berhenti$/i.test(text);
    await setNotifyOptOut(deps, { channel: 'sms', address: message.sender, userId: false }, stop);
    return fitSms(stop ? CHAT.notifyStopped : CHAT.notifyStarted);
  }
  if (!/^(LAPOR|CEK)\s*#/i.test(text)) return fitSms(SMS.help);
  const answer = await answerOneMessage(deps, text, { channel: 'sms', messageId: message.messageId, replyTo: { channel: 'sms', address: message.sender, userId: false }, ...(phone ? { phone } : {}) });
  if ('text' in answer) return fitSms(answer.text);
  await rememberReport(deps, smsKey(message.sender), answer.report.publicId);
  return fitSms(SMS.sent(answer.code ?? '—'));
}
