// The desk at /desk: sign in if needed, then run the desk. Officers' browsers always run
// JavaScript, so this page is drawn entirely here (the server sends only the shell).
import './desk.css';
import { ApiError } from './api.ts';
import { runDesk } from './app.ts';
import { loadCatalog } from './catalog.ts';
import { h } from './dom.ts';
import { renderLogin } from './login-view.ts';
import { passwordForm } from './password-view.ts';
import { TEXT } from './text.ts';

const root = document.getElementById('desk') ?? document.body;

async function boot(notice?: string): Promise<void> {
  try {
    const catalog = await loadCatalog();
    await runDesk(root, catalog, (why) => void boot(why));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      renderLogin(root, () => void boot(), notice);
      return;
    }
    // A one-time password: nothing but choosing a new one (the server refuses everything else).
    if (err instanceof ApiError && err.code === 'password_change_required') {
      const form = passwordForm({ forced: true, onDone: () => void boot() });
      root.replaceChildren(h('div', { class: 'desk-login-wrap' }, h('p', { class: 'desk-brand-big' }, `${TEXT.siteName} · ${TEXT.appTitle}`), form));
      form.querySelector('input')?.focus();
      return;
    }
    const retry = h('button', { type: 'button', class: 'desk-btn primary' }, 'Coba lagi');
    retry.addEventListener('click', () => void boot());
    root.replaceChildren(h('div', { class: 'desk-login-wrap' }, h('p', { class: 'desk-error', role: 'alert' }, err instanceof ApiError ? err.message : TEXT.errorGeneric), retry));
  }
}

void boot();
