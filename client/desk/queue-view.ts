// The queue: one row per report, newest first. Overdue rows are marked in words and colour;
// reports that arrived live and were not opened yet carry a "Baru masuk" badge.
import type { ReportSummary } from '../../shared/types.ts';
import type { Catalog } from './catalog.ts';
import { fill, h } from './dom.ts';
import { formatShort, isPast } from './format.ts';
import type { QueueState } from './queue-state.ts';
import { TEXT } from './text.ts';

export interface QueueView {
  el: HTMLElement;
  render(state: QueueState, selected: string | null): void;
  loading(): void;
  failed(message: string): void;
}

function row(r: ReportSummary, catalog: Catalog, o: { selected: boolean; unread: boolean; now: number }): HTMLElement {
  const overdue = isPast(r.dueAt, o.now);
  const category = catalog.category(r.category);
  const button = h('button', { type: 'button', class: 'desk-row-btn', 'data-id': r.publicId, 'aria-current': o.selected ? 'true' : null },
    h('span', { class: 'desk-row-head' },
      h('span', { class: 'desk-code' }, r.publicId),
      h('span', { class: `desk-badge status-${r.status}` }, catalog.statusLabel(r.status)),
      overdue && h('span', { class: 'desk-badge overdue' }, TEXT.overdue),
      o.unread && h('span', { class: 'desk-badge unread' }, TEXT.newBadge),
      r.confidential && h('span', { class: 'desk-badge quiet' }, TEXT.confidential),
    ),
    h('span', { class: 'desk-row-meta' },
      `${category?.label ?? r.category} · ${catalog.desaName(r.desa)}, ${catalog.kecamatanName(r.kecamatan)}`),
    h('span', { class: 'desk-row-excerpt' }, r.excerpt),
    h('span', { class: 'desk-row-time' }, formatShort(r.createdAt), r.dueAt && !overdue ? ` · tenggat ${formatShort(r.dueAt)}` : '',
      r.dueAt && overdue ? ` · tenggat lewat ${formatShort(r.dueAt)}` : ''),
  );
  return h('li', { class: `desk-row${overdue ? ' is-overdue' : ''}${o.unread ? ' is-unread' : ''}` }, button);
}

export function renderQueue(catalog: Catalog, on: { select(code: string): void; more(): void }): QueueView {
  const count = h('span', { class: 'desk-count', id: 'queue-count' });
  const list = h('ul', { class: 'desk-list', id: 'queue-list' });
  const more = h('button', { type: 'button', class: 'desk-btn ghost', id: 'queue-more', hidden: true }, TEXT.loadMore);
  const message = h('p', { class: 'desk-muted', id: 'queue-message', role: 'status' });
  list.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-id]');
    if (button?.dataset.id) on.select(button.dataset.id);
  });
  more.addEventListener('click', on.more);
  const el = h('section', { class: 'desk-queue', 'aria-labelledby': 'queue-title' },
    h('h2', { id: 'queue-title' }, TEXT.queue, ' ', count), message, list, more);

  return {
    el,
    render(state, selected) {
      const items = state.list();
      const now = Date.now();
      // Redrawing must not take the keyboard focus away from the row it is on.
      const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
      fill(list, ...items.map((r) => row(r, catalog, { selected: r.publicId === selected, unread: state.unread.has(r.publicId), now })));
      if (focused) list.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focused)}"]`)?.focus();
      count.textContent = `(${items.length}${state.nextCursor ? '+' : ''})`;
      message.textContent = items.length ? '' : TEXT.queueEmpty;
      more.hidden = !state.nextCursor;
    },
    loading() {
      message.textContent = TEXT.queueLoading;
    },
    failed(text) {
      message.textContent = text;
    },
  };
}
