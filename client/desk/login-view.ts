// The sign-in form. Passwords go only to POST /api/auth/login; the session is an httpOnly cookie.
import type { DeskUser } from '../../shared/desk.ts';
import { api, ApiError } from './api.ts';
import { unlockAudio } from './alerts.ts';
import { h } from './dom.ts';
import { TEXT } from './text.ts';

export function renderLogin(root: HTMLElement, onLoggedIn: (user: DeskUser) => void, notice?: string): void {
  const error = h('p', { class: 'desk-error', id: 'login-error', role: 'alert' }, notice ?? '');
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'desk-btn primary', type: 'submit' }, TEXT.login);
  const form = h('form', { class: 'desk-login', id: 'login-form', novalidate: true },
    h('h1', {}, TEXT.loginTitle),
    h('p', { class: 'desk-muted' }, TEXT.loginIntro),
    error,
    h('div', { class: 'desk-field' }, h('label', { for: 'login-username' }, TEXT.username), username),
    h('div', { class: 'desk-field' }, h('label', { for: 'login-password' }, TEXT.password), password),
    submit,
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    unlockAudio(); // a click: the one moment the browser lets the desk's beep start
    submit.disabled = true;
    submit.textContent = TEXT.loggingIn;
    error.textContent = '';
    try {
      const { user } = await api<{ user: DeskUser }>('/api/auth/login', { method: 'POST', body: { username: username.value, password: password.value } });
      onLoggedIn(user);
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : TEXT.errorGeneric;
      submit.disabled = false;
      submit.textContent = TEXT.login;
      password.select();
    }
  });

  root.replaceChildren(h('div', { class: 'desk-login-wrap' }, h('p', { class: 'desk-brand-big' }, `${TEXT.siteName} · ${TEXT.appTitle}`), form));
  username.focus();
}
