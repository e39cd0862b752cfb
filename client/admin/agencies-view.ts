// Agencies and their units: add, rename, move under a parent, deactivate. The server refuses a
// deactivation that routing, open reports or accounts still need, naming them; shown as it says.
import type { Agency } from '../../shared/types.ts';
import { api } from '../desk/api.ts';
import { h } from '../desk/dom.ts';
import { errorText, field, select, statusLine, type AdminContext } from './context.ts';
import { T } from './text.ts';

export function renderAgencies(ctx: AdminContext): HTMLElement {
  const status = statusLine('agencies-status');
  const list = h('div', { id: 'agencies-list' });
  const parents = () => ctx.agencies.filter((a) => a.active && a.parentId === null);

  async function patch(a: Agency, body: Partial<Pick<Agency, 'name' | 'active' | 'parentId'>>): Promise<void> {
    status.clear();
    try {
      await api(`/api/admin/agencies/${encodeURIComponent(a.id)}`, { method: 'PATCH', body });
      await ctx.reloadAgencies();
      status.ok(T.saved);
      draw();
    } catch (err) {
      status.fail(errorText(err, T.errorGeneric));
    }
  }

  function row(a: Agency): HTMLElement {
    const name = h('input', { value: a.name, 'aria-label': `${T.agencyName} ${a.id}`, class: 'admin-wide' });
    const rename = h('button', { type: 'button', class: 'desk-btn' }, T.rename);
    rename.addEventListener('click', () => void patch(a, { name: name.value }));
    const toggle = h('button', { type: 'button', class: a.active ? 'desk-btn danger-outline' : 'desk-btn', 'data-action': a.active ? 'deactivate' : 'activate' }, a.active ? T.deactivate : T.activate);
    toggle.addEventListener('click', () => void patch(a, { active: !a.active }));
    return h('tr', { 'data-agency': a.id, class: a.parentId ? 'admin-unit' : '' },
      h('td', {}, h('code', {}, a.id)), h('td', {}, name, ' ', rename),
      h('td', {}, a.parentId ? ctx.agencyName(a.parentId) : T.noParent), h('td', {}, a.active ? T.active : T.disabled), h('td', {}, toggle));
  }

  function draw(): void {
    // Each parent followed by its units.
    const ordered = ctx.agencies.filter((a) => a.parentId === null).flatMap((p) => [p, ...ctx.agencies.filter((u) => u.parentId === p.id)]);
    list.replaceChildren(h('table', { class: 'admin-table', id: 'agencies-table' },
      h('thead', {}, h('tr', {}, ...[T.agencyId, T.agencyName, T.parent, T.status, T.actions].map((c) => h('th', {}, c)))),
      h('tbody', {}, ...ordered.map(row))));
    nParent.replaceChildren(...select('x', [['', T.noParent], ...parents().map((p): [string, string] => [p.id, p.name])], '').children);
  }

  const nId = h('input', { id: 'a-id', required: true, autocapitalize: 'none', placeholder: 'upt-dpupr-cepu' });
  const nName = h('input', { id: 'a-name', required: true, class: 'admin-wide' });
  const nParent = select('a-parent', [], '');
  const createStatus = statusLine('agency-create-status');
  const form = h('form', { class: 'admin-card', id: 'agency-form', novalidate: true },
    h('h3', {}, T.newAgency), field(T.agencyId, nId), field(T.agencyName, nName), field(T.parent, nParent),
    h('button', { type: 'submit', class: 'desk-btn primary', id: 'agency-create' }, T.add), createStatus.el);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    createStatus.clear();
    try {
      await api('/api/admin/agencies', { method: 'POST', body: { id: nId.value, name: nName.value, parentId: nParent.value || null } });
      await ctx.reloadAgencies();
      form.reset();
      createStatus.ok(T.saved);
      draw();
    } catch (err) {
      createStatus.fail(errorText(err, T.errorGeneric));
    }
  });

  draw();
  return h('section', { class: 'admin-section', id: 'section-dinas' },
    h('h2', {}, T.sections.dinas), h('p', { class: 'desk-muted' }, T.agenciesIntro), status.el, list, form);
}
