// National holidays and cuti bersama, edited as one list; a warning while this or next year has none.
import { h } from '../desk/dom.ts';
import { etagTable, select, statusLine } from './context.ts';
import { T } from './text.ts';

interface Holiday { date: string; name: string; kind: 'libur' | 'cuti_bersama' }
interface HolidaysBody { holidays: Holiday[]; yearsWithout: number[] }

export function renderHolidays(): HTMLElement {
  const status = statusLine('holidays-status');
  const warning = h('p', { class: 'desk-notice', id: 'holidays-warning', role: 'alert', hidden: true });
  const body = h('div', { id: 'holidays-body' }, T.loading);
  const table = etagTable<HolidaysBody>('/api/admin/holidays', body, status);

  function warn(years: number[]): void {
    warning.hidden = years.length === 0;
    warning.textContent = years.length ? T.yearWithout(years) : '';
  }

  function draw(data: HolidaysBody): void {
    warn(data.yearsWithout);
    const rows = h('tbody', { id: 'holiday-rows' });
    const addRow = (hd: Holiday | null) => {
      const date = h('input', { type: 'date', value: hd?.date ?? '', required: true, 'data-part': 'date', 'aria-label': T.date });
      const name = h('input', { value: hd?.name ?? '', required: true, class: 'admin-wide', 'data-part': 'name', 'aria-label': T.holidayName });
      const kind = select(`hk-${rows.children.length}`, [['libur', T.kinds.libur], ['cuti_bersama', T.kinds.cuti_bersama]], hd?.kind ?? 'libur', { 'data-part': 'kind', 'aria-label': T.kind });
      const remove = h('button', { type: 'button', class: 'desk-btn ghost' }, T.remove);
      const tr = h('tr', {}, h('td', {}, date), h('td', {}, name), h('td', {}, kind), h('td', {}, remove));
      remove.addEventListener('click', () => tr.remove());
      rows.append(tr);
      return tr;
    };
    for (const hd of data.holidays) addRow(hd);
    const add = h('button', { type: 'button', class: 'desk-btn', id: 'add-holiday' }, T.addHoliday);
    add.addEventListener('click', () => addRow(null).querySelector('input')?.focus());
    const save = h('button', { type: 'submit', class: 'desk-btn primary', id: 'holidays-save' }, T.save);
    const form = h('form', { id: 'holidays-form', novalidate: true },
      h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, h('th', {}, T.date), h('th', {}, T.holidayName), h('th', {}, T.kind), h('th', {}, ''))), rows),
      add, ' ', save);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const value = (tr: Element, part: string) => tr.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-part="${part}"]`)?.value ?? '';
      const holidays = [...rows.querySelectorAll('tr')].map((tr) => ({ date: value(tr, 'date'), name: value(tr, 'name'), kind: value(tr, 'kind') }));
      const saved = await table.save({ holidays }, T.saved);
      if (saved) warn(saved.yearsWithout);
    });
    body.replaceChildren(form);
  }

  table.open(draw);

  return h('section', { class: 'admin-section', id: 'section-libur' },
    h('h2', {}, T.sections.libur), h('p', { class: 'desk-muted' }, T.holidaysIntro), warning, status.el, body);
}
