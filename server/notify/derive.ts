// The outbox's deriver: a change the reporter should hear of (shared/notifications.ts) puts
// one message into the outbox, in the change's own transaction (server/reports/derive.ts).
// Whom it goes to and what it says are read at send time from the reporter's contact.
import { isNotified, type NotifyChannel } from '../../shared/notifications.ts';
import type { Report } from '../../shared/types.ts';
import type { Deriver } from '../reports/derive.ts';
import type { OutboxMessage } from '../store/notify-port.ts';

/**
 * The channel a reporter hears back on: the one they came from; from the web form, WhatsApp
 * when they gave a number and ticked "Kabari perkembangan lewat WhatsApp". Ngopi Bareng
 * aspirations and Open311 requests are answered where they were made, not here.
 */
export function notifyChannelOf(report: Pick<Report, 'channel' | 'notifyConsent' | 'reporterPhone'>): NotifyChannel | null {
  switch (report.channel ?? 'web') {
    case 'whatsapp': return 'whatsapp';
    case 'sms': return 'sms';
    case 'web': return report.notifyConsent && report.reporterPhone ? 'whatsapp' : null;
    default: return null;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export const outboxDeriver: Deriver = (before, after, event) => {
  if (!before || !isNotified(event.type)) return [];
  const channel = notifyChannelOf(after);
  if (!channel) return [];
  const d = event.data;
  const data: OutboxMessage['data'] = {
    'report.verified': { agencyId: after.agencyId },
    'report.started': { agencyId: after.agencyId },
    'report.reopened': { agencyId: after.agencyId },
    // The officer's note of a forward is for the desks; the reporter hears where it went.
    'report.forwarded': { agencyId: textOf(d.to) ?? after.agencyId },
    'report.replied': { text: textOf(d.message) },
    'report.resolved': { text: textOf(d.note) },
    'report.rejected': { text: textOf(d.reason) },
    'report.duplicate': { duplicateOf: textOf(d.of) ?? after.duplicateOf ?? undefined },
  }[event.type];
  const message: OutboxMessage = {
    id: `${after.publicId}.${after.version}`, reportId: after.publicId, event: event.type, channel,
    data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
    status: 'pending', attempts: 0, nextAttemptAt: event.at, claimedUntil: null, providerId: null, problem: null,
    createdAt: event.at, updatedAt: event.at,
  };
  return [{ kind: 'outbox', message }];
};
