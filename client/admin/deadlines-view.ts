// Deadlines in working days per category, and the reopen window; saved over the ETag read.
import { DEADLINE_RANGE, type DeadlineTable } from '../../shared/settings.ts';
import { h } from '../desk/dom.ts';
import { etagTable, field, statusLine, type AdminContext } from './context.ts';
import { T } from './text.ts';

const days = (id: string, value: number, label: string) =>
  h('input', { id, type: 'number', min: DEADLINE_RANGE.min, max: DEADLINE_RANGE.max, step: 1, value, required: true, class: 'admin-days', 'aria-label': label });

export function renderDeadlines(ctx: AdminContext): HTMLElement {
  const status = statusLine('deadlines-status');
  const body = h('div', { id: 'deadlines-body' }, T.loading);
  const table = etagTable<DeadlineTable>('/api/admin/deadlines', body, status);

  function draw(current: DeadlineTable): void {
    const rows = ctx.categories.map((c) => ({
      id: c.id,
      verify: days(`dl-${c.id}-verify`, current.categories[c.id].verifyWorkingDays, `${T.verifyDays} ${c.label}`),
      followUp: days(`dl-${c.id}-follow`, current.categories[c.id].followUpWorkingDays, `${T.followUpDays} ${c.label}`),
      label: c.label,
    }));
    const reopen = days('dl-reopen', current.reopenWorkingDays, T.reopenDays);
    const save = h('button', { type: 'submit', class: 'desk-btn primary', id: 'deadlines-save' }, T.save);
    const form = h('form', { id: 'deadlines-form', novalidate: true },
      h('table', { class: 'admin-table' },
        h('thead', {}, h('tr', {}, h('th', {}, T.category), h('th', {}, T.verifyDays), h('th', {}, T.followUpDays))),
        h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, r.verify), h('td', {}, r.followUp))))),
      field(T.reopenDays, reopen), save);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      await table.save({
        categories: Object.fromEntries(rows.map((r) => [r.id, { verifyWorkingDays: r.verify.valueAsNumber, followUpWorkingDays: r.followUp.valueAsNumber }])),
        reopenWorkingDays: reopen.valueAsNumber,
      }, T.saved);
    });
    body.replaceChildren(form);
  }

  table.open(draw);

  return h('section', { class: 'admin-section', id: 'section-tenggat' },
    h('h2', {}, T.sections.tenggat), h('p', { class: 'desk-muted' }, T.deadlinesIntro), status.el, body);
}
