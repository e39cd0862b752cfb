import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { generatePassword } from './password.ts';
import { createUser } from './users.ts';

/**
 * On the very first start (no user at all) there must be a way in: an `admin` account with
 * ADMIN_PASSWORD, or a random password written once to the log. Later starts do nothing.
 */
export async function seedAdmin(deps: Pick<Deps, 'store' | 'catalog' | 'clock' | 'sessionHub' | 'config' | 'logger'>): Promise<void> {
  if ((await deps.store.countUsers()) > 0) return;
  const password = deps.config.adminPassword ?? generatePassword();
  try {
    // A printed password is one-time (it sat in a log); one the operator chose stays.
    await createUser(deps, { username: 'admin', name: 'Administrator', role: 'admin', password, oneTime: !deps.config.adminPassword });
  } catch (err) {
    // Another process sharing the store seeded it first (several servers started together).
    if (err instanceof AppError && err.code === 'username_taken') return;
    throw err;
  }
  if (deps.config.adminPassword) deps.logger.warn('Akun admin dibuat dengan kata sandi dari ADMIN_PASSWORD.');
  // The message string, not a field: the logger redacts fields named password.
  else deps.logger.warn(`Akun admin dibuat. Kata sandi awal sekali pakai (hanya ditampilkan sekali): ${password} — masuk di /desk, lalu buat kata sandi baru.`);
}
