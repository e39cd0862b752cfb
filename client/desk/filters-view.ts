// The filter bar above the queue. Selects apply at once; the search waits for a pause in typing.
import type { Catalog } from './catalog.ts';
import { h } from './dom.ts';
import { DEFAULT_FILTERS, type Filters } from './filters.ts';
import { TEXT } from './text.ts';

const SEARCH_PAUSE_MS = 300;

function select(id: string, label: string, options: [string, string][], value: string): { field: HTMLElement; input: HTMLSelectElement } {
  const input = h('select', { id, name: id });
  for (const [v, text] of options) input.appendChild(h('option', { value: v, selected: v === value }, text));
  return { field: h('div', { class: 'desk-filter' }, h('label', { for: id }, label), input), input };
}

export function renderFilters(catalog: Catalog, onChange: (f: Filters) => void): HTMLElement {
  const f: Filters = { ...DEFAULT_FILTERS };
  const status = select('filter-status', TEXT.status, [['open', TEXT.statusOpen], ['', TEXT.all], ...catalog.statuses.map((s): [string, string] => [s.id, s.label])], f.status);
  const category = select('filter-category', TEXT.category, [['', TEXT.all], ...catalog.categories.map((c): [string, string] => [c.id, c.label])], f.category);
  // A camat's desk is one kecamatan already: no choice to offer.
  const kecamatan = catalog.user.kecamatan ? null
    : select('filter-kecamatan', TEXT.kecamatan, [['', TEXT.all], ...catalog.region.kecamatan.map((k): [string, string] => [k.code, k.name])], f.kecamatan);
  const q = h('input', { id: 'filter-q', type: 'search', name: 'q', maxlength: 200, autocomplete: 'off' });
  const overdue = h('input', { id: 'filter-overdue', type: 'checkbox', name: 'overdue' });

  const read = (): Filters => ({
    status: status.input.value, category: category.input.value, kecamatan: kecamatan?.input.value ?? '', q: q.value, overdue: overdue.checked,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const input of [status.input, category.input, kecamatan?.input, overdue]) input?.addEventListener('change', () => onChange(read()));
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(read()), SEARCH_PAUSE_MS);
  });

  const form = h('form', { class: 'desk-filters', 'aria-label': TEXT.filters, role: 'search' },
    status.field, category.field, kecamatan?.field,
    h('div', { class: 'desk-filter grow' }, h('label', { for: 'filter-q' }, TEXT.search), q),
    h('label', { class: 'desk-toggle', for: 'filter-overdue' }, overdue, TEXT.overdueOnly),
  );
  form.addEventListener('submit', (e) => { e.preventDefault(); onChange(read()); });
  return form;
}
