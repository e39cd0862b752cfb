// The staff map's sign-in: the session from /api/auth/me, or the login dialog until it works.
import type { DeskUser } from '../../shared/desk.ts';
import { getJson, postJson, Unauthenticated } from './api.ts';

function askLogin(): Promise<DeskUser> {
  const dialog = document.getElementById('login') as HTMLDialogElement;
  const form = document.getElementById('login-form') as HTMLFormElement;
  const error = document.getElementById('login-error') as HTMLElement;
  dialog.showModal();
  return new Promise((resolve) => {
    form.addEventListener('submit', async function onSubmit(e) {
      e.preventDefault();
      error.textContent = '';
      const data = new FormData(form);
      const res = await postJson<{ user?: DeskUser; error?: { message: string } }>('/api/auth/login', {
        username: data.get('username'), password: data.get('password'),
      });
      if (res.status === 200 && res.body.user) {
        form.removeEventListener('submit', onSubmit);
        dialog.close();
        resolve(res.body.user);
      } else {
        error.textContent = res.body?.error?.message ?? 'Gagal masuk. Coba lagi.';
      }
    });
  });
}

export async function currentUser(): Promise<DeskUser> {
  try {
    return (await getJson<{ user: DeskUser }>('/api/auth/me')).user;
  } catch (err) {
    if (err instanceof Unauthenticated) return askLogin();
    throw err;
  }
}

const ROLE_LABELS: Record<string, string> = { officer: 'Petugas', agency_admin: 'Admin dinas', camat: 'Camat', executive: 'Pimpinan', admin: 'Admin' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
