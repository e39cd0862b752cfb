// Choosing a new password: forced after signing in with a one-time password (the desk shows
// nothing else until it is done), or chosen by the user from the settings page.
import type { DeskUser } from '../../shared/desk.ts';
import { api, ApiError } from './api.ts';
import { h } from './dom.ts';

export const PASSWORD_TEXT = {
  forcedTitle: 'Buat kata sandi baru',
  forcedIntro: 'Anda masuk dengan kata sandi sekali pakai. Sebelum bisa memakai meja pengaduan, buat kata sandi baru yang hanya Anda ketahui.',
  title: 'Ganti kata sandi',
  current: 'Kata sandi saat ini',
  currentForced: 'Kata sandi sekali pakai',
  next: 'Kata sandi baru (minimal 10 karakter)',
  repeat: 'Ulangi kata sandi baru',
  save: 'Simpan kata sandi',
  saving: 'Menyimpan…',
  mismatch: 'Kedua kata sandi baru tidak sama.',
  done: 'Kata sandi baru tersimpan. Sesi lain akun ini sudah diakhiri.',
  error: 'Gagal menyimpan. Coba lagi.',
} as const;

export function passwordForm(options: { forced: boolean; onDone: (user: DeskUser) => void }): HTMLFormElement {
  const t = PASSWORD_TEXT;
  const error = h('p', { class: 'desk-error', id: 'password-error', role: 'alert' });
  const field = (id: string, label: string, autocomplete: string) => {
    const input = h('input', { id, type: 'password', autocomplete, required: true });
    return { input, el: h('div', { class: 'desk-field' }, h('label', { for: id }, label), input) };
  };
  const current = field('pw-current', options.forced ? t.currentForced : t.current, 'current-password');
  const next = field('pw-new', t.next, 'new-password');
  const repeat = field('pw-repeat', t.repeat, 'new-password');
  const submit = h('button', { class: 'desk-btn primary', type: 'submit', id: 'pw-save' }, t.save);
  const form = h('form', { class: 'desk-login', id: 'password-form', novalidate: true },
    h('h1', {}, options.forced ? t.forcedTitle : t.title),
    options.forced ? h('p', { class: 'desk-notice' }, t.forcedIntro) : null,
    error, current.el, next.el, repeat.el, submit);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (next.input.value !== repeat.input.value) {
      error.textContent = t.mismatch;
      repeat.input.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t.saving;
    try {
      const { user } = await api<{ user: DeskUser }>('/api/auth/password', { method: 'POST', body: { currentPassword: current.input.value, newPassword: next.input.value } });
      form.reset();
      options.onDone(user);
    } catch (err) {
      error.textContent = err instanceof ApiError ? [err.message, ...Object.values(err.fields)].join(' ') : t.error;
    } finally {
      submit.disabled = false;
      submit.textContent = t.save;
    }
  });
  return form;
}
