// Accounts: the admin sees all, an agency admin their own agency's and manages its officers.
// A new or reset account's one-time password is shown once, here, to hand over in person.
import type { Role } from '../../shared/types.ts';
import { api } from '../desk/api.ts';
import { h } from '../desk/dom.ts';
import { errorText, field, select, statusLine, type AdminContext } from './context.ts';
import { ROLE_LABELS, T } from './text.ts';

interface Account {
  id: string; username: string; name: string; role: Role; agencyId: string | null; kecamatan: string | null;
  disabled: boolean; mustChangePassword: boolean;
}

const ROLES: Role[] = ['officer', 'agency_admin', 'camat', 'executive', 'admin'];

/** The page offers only what the server allows (server/accounts/policy.ts decides). */
function manageable(ctx: AdminContext, a: Account): boolean {
  if (ctx.user.role === 'admin') return a.id !== ctx.user.id;
  return ctx.user.role === 'agency_admin' && a.role === 'officer' && a.agencyId === ctx.user.agencyId;
}

export function renderAccounts(ctx: AdminContext): HTMLElement {
  const isAdmin = ctx.user.role === 'admin';
  const status = statusLine('accounts-status');
  const oneTime = h('div', { id: 'one-time-box', class: 'desk-notice', hidden: true });
  const list = h('div', { id: 'accounts-list' }, T.loading);

  const fRole = select('f-role', [['', T.all], ...ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])], '');
  const fAgency = select('f-agency', [['', T.all], ...ctx.agencies.map((a): [string, string] => [a.id, a.name])], '');
  const fStatus = select('f-status', [['', T.all], ['active', T.active], ['disabled', T.disabled]], '');
  const fText = h('input', { id: 'f-q', type: 'search' });
  const filters = h('form', { class: 'admin-filters', id: 'accounts-filters' },
    field(T.filterRole, fRole), isAdmin ? field(T.filterAgency, fAgency) : null, field(T.filterStatus, fStatus), field(T.filterText, fText),
    h('button', { class: 'desk-btn', type: 'submit' }, T.show));
  filters.addEventListener('submit', (e) => { e.preventDefault(); void load(); });

  function showOneTime(username: string, password: string): void {
    oneTime.hidden = false;
    oneTime.replaceChildren(h('p', {}, T.oneTimeFor(username), ' ', h('code', { id: 'one-time-password' }, password)), h('p', { class: 'desk-muted' }, T.oneTimeHint));
  }

  async function change(a: Account, what: 'disable' | 'enable' | 'reset-password'): Promise<void> {
    status.clear();
    try {
      const res = await api<{ password?: string } | undefined>(`/api/admin/users/${encodeURIComponent(a.username)}/${what}`, { method: 'POST', body: {} });
      if (what === 'reset-password' && res?.password) showOneTime(a.username, res.password);
      else status.ok(T.saved);
      await load();
    } catch (err) {
      status.fail(errorText(err, T.errorGeneric));
    }
  }

  function row(a: Account): HTMLElement {
    const actions = h('td', {});
    if (manageable(ctx, a)) {
      const toggle = h('button', { type: 'button', class: 'desk-btn', 'data-action': a.disabled ? 'enable' : 'disable' }, a.disabled ? T.enable : T.disable);
      toggle.addEventListener('click', () => void change(a, a.disabled ? 'enable' : 'disable'));
      const reset = h('button', { type: 'button', class: 'desk-btn', 'data-action': 'reset-password' }, T.resetPassword);
      reset.addEventListener('click', () => void change(a, 'reset-password'));
      actions.append(toggle, ' ', reset);
    }
    return h('tr', { 'data-username': a.username },
      h('td', {}, h('code', {}, a.username)), h('td', {}, a.name), h('td', {}, ROLE_LABELS[a.role]),
      h('td', {}, a.agencyId ? ctx.agencyName(a.agencyId) : a.kecamatan ? `Kec. ${ctx.kecamatanName(a.kecamatan)}` : T.none),
      h('td', {}, a.disabled ? T.disabled : T.active, a.mustChangePassword ? h('span', { class: 'desk-muted' }, ` (${T.mustChange})`) : null),
      actions);
  }

  async function load(): Promise<void> {
    const query = new URLSearchParams();
    if (fRole.value) query.set('role', fRole.value);
    if (isAdmin && fAgency.value) query.set('agencyId', fAgency.value);
    if (fStatus.value) query.set('status', fStatus.value);
    if (fText.value.trim()) query.set('q', fText.value.trim());
    try {
      const { items } = await api<{ items: Account[] }>(`/api/admin/users?${query}`);
      list.replaceChildren(items.length === 0 ? h('p', { class: 'desk-muted' }, T.noAccounts) : h('table', { class: 'admin-table', id: 'accounts-table' },
        h('thead', {}, h('tr', {}, ...[T.username, T.name, T.role, `${T.agency} / ${T.kecamatan}`, T.status, T.actions].map((c) => h('th', {}, c)))),
        h('tbody', {}, ...items.map(row))));
    } catch (err) {
      list.replaceChildren(h('p', { class: 'desk-error' }, errorText(err, T.errorGeneric)));
    }
  }

  // The new-account form: an agency admin's accounts are officers of their own agency.
  const nUsername = h('input', { id: 'n-username', autocomplete: 'off', required: true, autocapitalize: 'none' });
  const nName = h('input', { id: 'n-name', required: true });
  const nRole = select('n-role', (isAdmin ? ROLES : ['officer' as const]).map((r): [string, string] => [r, ROLE_LABELS[r]]), 'officer');
  const nAgency = select('n-agency', ctx.agencies.filter((a) => a.active && (isAdmin || a.id === ctx.user.agencyId)).map((a): [string, string] => [a.id, a.name]), ctx.user.agencyId ?? '');
  const nKecamatan = select('n-kecamatan', ctx.region.kecamatan.map((k): [string, string] => [k.code, k.name]), '');
  const agencyField = field(T.agency, nAgency);
  const kecamatanField = field(T.kecamatan, nKecamatan);
  const bindings = () => {
    agencyField.hidden = !['officer', 'agency_admin'].includes(nRole.value);
    kecamatanField.hidden = nRole.value !== 'camat';
  };
  nRole.addEventListener('change', bindings);
  bindings();
  const createStatus = statusLine('create-status');
  const create = h('form', { class: 'admin-card', id: 'account-form', novalidate: true },
    h('h3', {}, T.newAccount), field(T.username, nUsername), field(T.name, nName), field(T.role, nRole), agencyField, kecamatanField,
    h('button', { class: 'desk-btn primary', type: 'submit', id: 'account-create' }, T.create), createStatus.el);
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    createStatus.clear();
    try {
      const role = nRole.value;
      const res = await api<{ user: Account; password: string }>('/api/admin/users', { method: 'POST', body: {
        username: nUsername.value, name: nName.value, role,
        agencyId: ['officer', 'agency_admin'].includes(role) ? nAgency.value : null, kecamatan: role === 'camat' ? nKecamatan.value : null,
      } });
      showOneTime(res.user.username, res.password);
      create.reset();
      bindings();
      await load();
    } catch (err) {
      createStatus.fail(errorText(err, T.errorGeneric));
    }
  });

  void load();
  return h('section', { class: 'admin-section', id: 'section-akun' },
    h('h2', {}, T.sections.akun), h('p', { class: 'desk-muted' }, isAdmin ? T.accountsIntroAdmin : T.accountsIntroAgency),
    oneTime, status.el, filters, list, create);
}
