// How a reported delivery status moves a message: webhooks come late and out of order (a
// `delivered` after `read`), so a status never moves back; `failed` replaces only `sent`
// (WhatsApp's asynchronous failure); a message not yet settled (pending) takes what comes.
import type { OutboxStatus } from '../../shared/notifications.ts';

const RANK: Partial<Record<OutboxStatus, number>> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/** The status after `reported` arrives for a message now `current`; null: nothing changes. */
export function deliveryAfter(current: OutboxStatus, reported: 'sent' | 'delivered' | 'read' | 'failed'): OutboxStatus | null {
  if (reported === 'failed') return current === 'sent' || current === 'pending' ? 'failed' : null;
  const now = RANK[current];
  // A failed message that the channel later says it delivered after all: believe the channel.
  if (now === undefined) return current === 'failed' ? reported : null;
  return (RANK[reported] ?? 0) > now ? reported : null;
}
