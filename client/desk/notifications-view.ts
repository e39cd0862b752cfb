// The status messages sent to the opened report's reporter (issue 15): which event, which
// channel, how far it got (sent, delivered, read, failed) and, for a failed one, a button to
// send it again where the officer may. Never the number or the text (it holds the code).
import { NOTICES_LABELS, OUTBOX_STATUS_LABELS, type DeskNotifications } from '../../shared/notifications.ts';
import { api, ApiError } from './api.ts';
import { fill, h } from './dom.ts';
import { formatDateTime } from './format.ts';
import { fmt, TEXT } from './text.ts';

function render(el: HTMLElement, publicId: string, data: DeskNotifications, notice = ''): void {
  const rows = data.messages.map((m) => {
    const retry = data.canRetry && m.status === 'failed'
      ? h('button', { type: 'button', class: 'desk-btn ghost', 'data-retry': m.id }, TEXT.notificationRetry)
      : null;
    retry?.addEventListener('click', () => {
      retry.setAttribute('disabled', '');
      api<DeskNotifications>(`/api/desk/reports/${encodeURIComponent(publicId)}/notifications/${encodeURIComponent(m.id)}/retry`, { method: 'POST', body: {} })
        .then((next) => render(el, publicId, next, TEXT.notificationRetried))
        .catch((err: unknown) => render(el, publicId, data, err instanceof ApiError ? err.message : TEXT.errorGeneric));
    });
    return h('li', { class: `desk-notification status-${m.status}`, 'data-id': m.id },
      h('strong', {}, NOTICES_LABELS[m.event]), ' · ', m.channel === 'sms' ? 'SMS' : 'WhatsApp', ' · ',
      h('span', { class: 'desk-badge quiet' }, OUTBOX_STATUS_LABELS[m.status].id), ' · ', formatDateTime(m.updatedAt),
      m.attempts > 1 ? ` · ${fmt(TEXT.notificationAttempts, { n: String(m.attempts) })}` : '',
      m.problem ? h('div', { class: 'desk-muted' }, m.problem) : null,
      retry,
    );
  });
  fill(el,
    h('h3', { id: 'h-notifications' }, TEXT.notifications),
    notice && h('p', { class: 'desk-ok', role: 'status' }, notice),
    data.optedOut && h('p', { class: 'desk-notice', id: 'notifications-opted-out' }, TEXT.notificationsOptedOut),
    rows.length ? h('ul', { class: 'desk-notifications' }, ...rows) : h('p', { class: 'desk-muted' }, TEXT.notificationsNone),
  );
}

/** A section that fills itself once the messages are fetched (quietly empty on failure). */
export function renderNotifications(publicId: string): HTMLElement {
  const el = h('section', { class: 'desk-section', id: 'detail-notifications', 'aria-labelledby': 'h-notifications' });
  api<DeskNotifications>(`/api/desk/reports/${encodeURIComponent(publicId)}/notifications`)
    .then((data) => render(el, publicId, data))
    .catch(() => fill(el));
  return el;
}
