// What the desk sees of the messages to a report's reporter: event, channel, delivery status
// and why one failed, and whether the reporter said BERHENTI. Never the number or the text
// (it holds the tracking code). A failed message can be sent again by an officer.
import { problemText, type DeskNotification, type DeskNotifications } from '../../shared/notifications.ts';
import type { DeskUser } from '../../shared/desk.ts';
import type { Deps } from '../deps.ts';
import { canRetryNotification } from '../desk/policy.ts';
import { findVisibleReport } from '../desk/service.ts';
import { AppError } from '../errors.ts';
import type { OutboxMessage } from '../store/notify-port.ts';

function toDesk(m: OutboxMessage): DeskNotification {
  return { id: m.id, event: m.event, channel: m.channel, status: m.status, attempts: m.attempts, problem: problemText(m.problem), createdAt: m.createdAt, updatedAt: m.updatedAt };
}

export async function deskNotifications(deps: Deps, user: DeskUser, publicId: string): Promise<DeskNotifications> {
  const report = await findVisibleReport(deps, user, publicId);
  const [messages, optedOut] = await Promise.all([deps.store.notify.outboxOfReport(publicId), deps.store.notify.reporterOptedOut(publicId)]);
  return { optedOut, canRetry: canRetryNotification(user, report), messages: messages.map(toDesk) };
}

/** find (scoped, 404) → may this role (403) → is it this report's and failed (404, 409) → pending again, sender woken. */
export async function retryNotification(deps: Deps, user: DeskUser, publicId: string, id: string, wake: () => void): Promise<DeskNotifications> {
  const report = await findVisibleReport(deps, user, publicId);
  if (!canRetryNotification(user, report)) throw new AppError('forbidden', { status: 403 });
  const message = await deps.store.notify.getOutbox(id);
  if (!message || message.reportId !== publicId) throw new AppError('not_found', { status: 404 });
  if (!(await deps.store.notify.retryOutbox(id, deps.clock().toISOString()))) throw new AppError('notification_not_failed', { status: 409 });
  deps.logger.info({ outboxId: id, userId: user.id }, 'notification retried by an officer');
  // Read before the sender is woken: the answer is the retry as the officer made it (waiting),
  // not whichever step a fast send has reached by then; the send's outcome is read afterwards.
  const answer = await deskNotifications(deps, user, publicId);
  wake();
  return answer;
}
