// The audit trail, newest first, a page at a time. Read only: nothing can delete an entry.
import { api } from '../desk/api.ts';
import { h } from '../desk/dom.ts';
import { errorText } from './context.ts';
import { AUDIT_ACTIONS, T } from './text.ts';

interface Entry {
  id: string; at: string; actor: { via: 'web' | 'cli'; username: string }; action: string; target: string; before: unknown; after: unknown;
}

const when = (iso: string) => new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' });

export function renderAudit(): HTMLElement {
  const rows = h('tbody', { id: 'audit-rows' });
  const more = h('button', { type: 'button', class: 'desk-btn', id: 'audit-more', hidden: true }, T.more);
  const error = h('p', { class: 'desk-error', role: 'alert' });
  let before: string | null = null;

  async function load(): Promise<void> {
    try {
      const page = await api<{ items: Entry[]; nextBefore: string | null }>(`/api/admin/audit?limit=50${before ? `&before=${before}` : ''}`);
      if (page.items.length === 0 && !before) rows.append(h('tr', {}, h('td', { colspan: 4, class: 'desk-muted' }, T.noEntries)));
      for (const e of page.items) {
        rows.append(h('tr', { 'data-action': e.action },
          h('td', {}, when(e.at)),
          h('td', {}, e.actor.username, e.actor.via === 'cli' ? h('span', { class: 'desk-muted' }, ` (${T.viaCli})`) : null),
          h('td', {}, AUDIT_ACTIONS[e.action] ?? e.action, ' ', h('code', {}, e.target)),
          h('td', {}, h('details', {}, h('summary', {}, T.detail),
            h('pre', { class: 'admin-json' }, JSON.stringify(e.before, null, 1)), h('pre', { class: 'admin-json' }, JSON.stringify(e.after, null, 1))))));
      }
      before = page.nextBefore;
      more.hidden = !before;
    } catch (err) {
      error.textContent = errorText(err, T.errorGeneric);
    }
  }
  more.addEventListener('click', () => void load());
  void load();
  return h('section', { class: 'admin-section', id: 'section-jejak' },
    h('h2', {}, T.sections.jejak), h('p', { class: 'desk-muted' }, T.auditIntro), error,
    h('table', { class: 'admin-table', id: 'audit-table' }, h('thead', {}, h('tr', {}, h('th', {}, T.when), h('th', {}, T.who), h('th', {}, T.what), h('th', {}, T.detail))), rows),
    more);
}
