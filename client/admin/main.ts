// The back office at /desk/admin: sections by role (the APIs decide; this only offers what they
// allow), one at a time by the address's #hash. Signing in happens on /desk.
import '../desk/desk.css';
import './admin.css';
import type { DeskUser } from '../../shared/desk.ts';
import { api, ApiError } from '../desk/api.ts';
import { h } from '../desk/dom.ts';
import { passwordForm, PASSWORD_TEXT } from '../desk/password-view.ts';
import { renderAccounts } from './accounts-view.ts';
import { renderAgencies } from './agencies-view.ts';
import { renderAudit } from './audit-view.ts';
import { loadContext, type AdminContext } from './context.ts';
import { renderDeadlines } from './deadlines-view.ts';
import { renderHolidays } from './holidays-view.ts';
import { renderRouting } from './routing-view.ts';
import { T } from './text.ts';

type Section = keyof typeof T.sections;

function sectionsFor(user: DeskUser): Section[] {
  if (user.role === 'admin') return ['akun', 'dinas', 'pengarahan', 'tenggat', 'libur', 'jejak', 'sandi'];
  if (user.role === 'agency_admin') return ['akun', 'sandi'];
  return ['sandi'];
}

function renderPassword(): HTMLElement {
  const done = h('p', { class: 'admin-status ok', id: 'password-done', role: 'status' });
  const form = passwordForm({ forced: false, onDone: () => { done.textContent = PASSWORD_TEXT.done; } });
  return h('section', { class: 'admin-section', id: 'section-sandi' }, form, done);
}

const VIEWS: Record<Section, (ctx: AdminContext) => HTMLElement> = {
  akun: renderAccounts,
  dinas: renderAgencies,
  pengarahan: renderRouting,
  tenggat: renderDeadlines,
  libur: () => renderHolidays(),
  jejak: () => renderAudit(),
  sandi: () => renderPassword(),
};

const root = document.getElementById('desk') ?? document.body;

async function boot(): Promise<void> {
  let user: DeskUser;
  try {
    ({ user } = await api<{ user: DeskUser }>('/api/auth/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      location.assign('/desk');
      return;
    }
    throw err;
  }
  // A one-time password is changed on the desk first; it brings the user back to work there.
  if (user.mustChangePassword) {
    location.assign('/desk');
    return;
  }
  const ctx = await loadContext(user);
  const sections = sectionsFor(user);
  const nav = h('nav', { class: 'admin-nav', 'aria-label': T.title },
    ...sections.map((s) => h('a', { href: `#${s}`, id: `nav-${s}`, 'data-section': s }, T.sections[s])));
  const main = h('main', { class: 'admin-main', id: 'admin-main' });
  const show = () => {
    const wanted = location.hash.slice(1);
    const section = sections.find((s) => s === wanted) ?? sections[0];
    for (const a of nav.querySelectorAll('a')) a.toggleAttribute('aria-current', a.dataset.section === section);
    main.replaceChildren(VIEWS[section](ctx));
  };
  window.addEventListener('hashchange', show);
  root.replaceChildren(h('div', { class: 'admin-app' },
    h('header', { class: 'desk-top' },
      h('div', { class: 'desk-brand' }, h('strong', {}, T.title), h('span', { class: 'desk-scope' }, user.agencyId ? ctx.agencyName(user.agencyId) : '')),
      h('a', { href: '/desk', class: 'desk-btn ghost', id: 'back-to-desk' }, T.backToDesk),
      h('div', { class: 'desk-user' }, h('span', {}, user.name))),
    h('div', { class: 'admin-body' }, nav, main)));
  show();
}

boot().catch((err: unknown) => {
  root.replaceChildren(h('p', { class: 'desk-error', role: 'alert' }, err instanceof ApiError ? err.message : T.errorGeneric));
});
