// The desk's top bar: who is signed in, the connection indicator, the sound and title
// switches, and sign-out.
import type { Catalog } from './catalog.ts';
import { h } from './dom.ts';
import type { LiveStatus } from './live.ts';
import type { Prefs } from './prefs.ts';
import { TEXT } from './text.ts';

export interface Header {
  el: HTMLElement;
  setStatus(status: LiveStatus): void;
}

const STATUS_TEXT: Record<LiveStatus, string> = { connecting: TEXT.connecting, connected: TEXT.connected, disconnected: TEXT.disconnected };

function toggle(id: string, label: string, hint: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  const input = h('input', { type: 'checkbox', id, checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { class: 'desk-toggle', for: id, title: hint }, input, label);
}

export function renderHeader(catalog: Catalog, prefs: Prefs, on: { prefs(p: Prefs): void; logout(): void }): Header {
  const { user } = catalog;
  const current = { ...prefs };
  const indicator = h('p', { class: 'desk-conn', id: 'conn-status', role: 'status', 'data-status': 'connecting' }, TEXT.connecting);
  const logout = h('button', { class: 'desk-btn ghost', type: 'button', id: 'logout' }, TEXT.logout);
  logout.addEventListener('click', on.logout);
  const scope = user.agencyId ? catalog.agencyName(user.agencyId) : user.kecamatan ? `Kec. ${catalog.kecamatanName(user.kecamatan)}` : '';
  const el = h('header', { class: 'desk-top' },
    h('div', { class: 'desk-brand' }, h('strong', {}, TEXT.appTitle), h('span', { class: 'desk-scope', title: scope }, scope)),
    indicator,
    h('div', { class: 'desk-prefs' },
      toggle('pref-sound', TEXT.sound, TEXT.soundHint, current.sound, (sound) => on.prefs({ ...Object.assign(current, { sound }) })),
      toggle('pref-title', TEXT.titleCount, TEXT.titleCountHint, current.titleCount, (titleCount) => on.prefs({ ...Object.assign(current, { titleCount }) })),
    ),
    h('div', { class: 'desk-user' }, h('span', { id: 'desk-user-name' }, user.name),
      h('a', { class: 'desk-btn ghost', href: '/desk/admin', id: 'settings-link' }, user.role === 'admin' || user.role === 'agency_admin' ? TEXT.settings : TEXT.myPassword),
      logout),
  );
  return {
    el,
    setStatus(status) {
      indicator.dataset.status = status;
      indicator.textContent = STATUS_TEXT[status];
    },
  };
}
