// Routing as data: category → agency, overrides per kecamatan, Ngopi Bareng topics. Saved as a
// whole over the ETag it was read at (If-Match), so two admins never overwrite each other unseen.
import { ASPIRATION_TOPICS } from '../../shared/reference/aspiration-topics.ts';
import type { RouteOverride, RoutingTable } from '../../shared/settings.ts';
import { h } from '../desk/dom.ts';
import { etagTable, select, statusLine, type AdminContext } from './context.ts';
import { T } from './text.ts';

export function renderRouting(ctx: AdminContext): HTMLElement {
  const status = statusLine('routing-status');
  const body = h('div', { id: 'routing-body' }, T.loading);
  const agencies = (): [string, string][] => ctx.agencies.filter((a) => a.active).map((a) => [a.id, a.parentId ? `${a.name} (unit ${ctx.agencyName(a.parentId)})` : a.name]);
  const categories = (): [string, string][] => ctx.categories.map((c) => [c.id, c.label]);
  const table = etagTable<RoutingTable>('/api/admin/routing', body, status);

  function draw(current: RoutingTable): void {
    const routeSelects = ctx.categories.map((c) => ({ id: c.id, el: select(`route-${c.id}`, agencies(), current.routes[c.id] ?? '') }));
    const topicSelects = ASPIRATION_TOPICS.map((t) => ({ id: t.id, el: select(`topic-${t.id}`, agencies(), current.topics[t.id] ?? '') }));
    const overrides = h('tbody', { id: 'overrides' });
    const addOverride = (o: RouteOverride | null) => {
      const rowIndex = overrides.children.length;
      const cat = select(`ov-${rowIndex}-category`, categories(), o?.category ?? 'jalan', { 'data-part': 'category', 'aria-label': T.category });
      const kec = select(`ov-${rowIndex}-kecamatan`, ctx.region.kecamatan.map((k): [string, string] => [k.code, k.name]), o?.kecamatan ?? '', { 'data-part': 'kecamatan', 'aria-label': T.kecamatan });
      const ag = select(`ov-${rowIndex}-agency`, agencies(), o?.agencyId ?? '', { 'data-part': 'agency', 'aria-label': T.agency });
      const remove = h('button', { type: 'button', class: 'desk-btn ghost' }, T.remove);
      const tr = h('tr', { class: 'override-row' }, h('td', {}, cat), h('td', {}, kec), h('td', {}, ag), h('td', {}, remove));
      remove.addEventListener('click', () => tr.remove());
      overrides.append(tr);
    };
    for (const o of current.overrides) addOverride(o);
    const add = h('button', { type: 'button', class: 'desk-btn', id: 'add-override' }, T.addOverride);
    add.addEventListener('click', () => addOverride(null));
    const save = h('button', { type: 'submit', class: 'desk-btn primary', id: 'routing-save' }, T.save);
    const form = h('form', { id: 'routing-form' },
      h('h3', {}, T.routes),
      h('table', { class: 'admin-table' }, h('tbody', {}, ...routeSelects.map(({ id, el }) => h('tr', {}, h('th', { scope: 'row' }, h('label', { for: el.id }, ctx.categories.find((c) => c.id === id)?.label ?? id)), h('td', {}, el))))),
      h('h3', {}, T.overrides),
      h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, h('th', {}, T.category), h('th', {}, T.kecamatan), h('th', {}, T.agency), h('th', {}, ''))), overrides),
      add,
      h('h3', {}, T.topics),
      h('table', { class: 'admin-table' }, h('tbody', {}, ...topicSelects.map(({ id, el }) => h('tr', {}, h('th', { scope: 'row' }, h('label', { for: el.id }, ASPIRATION_TOPICS.find((t) => t.id === id)?.label ?? id)), h('td', {}, el))))),
      save);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const part = (tr: Element, name: string) => tr.querySelector<HTMLSelectElement>(`[data-part="${name}"]`)?.value ?? '';
      const next = {
        routes: Object.fromEntries(routeSelects.map(({ id, el }) => [id, el.value])),
        overrides: [...overrides.querySelectorAll('tr')].map((tr) => ({ category: part(tr, 'category'), kecamatan: part(tr, 'kecamatan'), agencyId: part(tr, 'agency') })),
        topics: Object.fromEntries(topicSelects.map(({ id, el }) => [id, el.value])),
      };
      save.disabled = true;
      await table.save(next, `${T.saved} ${T.routingIntro.split('. ')[1] ?? ''}`);
      save.disabled = false;
    });
    body.replaceChildren(form);
  }

  table.open(draw);

  return h('section', { class: 'admin-section', id: 'section-pengarahan' },
    h('h2', {}, T.sections.pengarahan), h('p', { class: 'desk-notice', id: 'routing-note' }, T.routingIntro), status.el, body);
}
