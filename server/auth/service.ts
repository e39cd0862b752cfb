import type { DeskUser } from '../../shared/desk.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { SessionRecord } from '../store/port.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { isSessionLive, openSession, resumeSession } from './sessions.ts';
import { changeOwnPassword, toDeskUser } from './users.ts';

type AuthDeps = Pick<Deps, 'store' | 'config' | 'clock' | 'sessionHub' | 'catalog'>;

export interface Authenticated { user: DeskUser; session: SessionRecord }

/**
 * Checks the password and opens a session. Unknown user, wrong password and disabled account
 * all get the same 401 after the same work, so the answer does not reveal which usernames exist.
 */
export async function login(deps: AuthDeps, username: string, password: string): Promise<{ user: DeskUser; token: string }> {
  const record = await deps.store.getUserByUsername(username.trim().toLowerCase());
  const matches = await verifyPassword(password, record?.passwordHash ?? (await decoyHash()));
  if (!record || !matches || record.disabled) throw new AppError('invalid_credentials', { status: 401 });
  const { token } = await openSession(deps.store, record.id, deps.clock(), deps.config);
  return { user: toDeskUser(record, deps.catalog), token };
}

/** The user behind a session cookie, or null when the session is unknown, expired or the user is disabled. */
export async function authenticate(deps: AuthDeps, token: string): Promise<Authenticated | null> {
  const session = await resumeSession(deps.store, token, deps.clock(), deps.config, (id) => deps.sessionHub.ended([id]));
  if (!session) return null;
  const record = await deps.store.getUserById(session.userId);
  if (!record || record.disabled) {
    await deps.store.deleteSession(session.id);
    deps.sessionHub.ended([session.id]);
    return null;
  }
  return { user: toDeskUser(record, deps.catalog), session };
}

/**
 * A user's own password change: the current one must match; the new one must differ from it.
 * Ends the user's other sessions; this one stays, now without the one-time restriction.
 */
export async function changePassword(deps: AuthDeps, userId: string, sessionId: string, current: string, next: string): Promise<DeskUser> {
  const record = await deps.store.getUserById(userId);
  if (!record || !(await verifyPassword(current, record.passwordHash))) {
    throw new AppError('wrong_current_password', { status: 422, fields: { currentPassword: 'wrong_current_password' } });
  }
  if (next === current) throw new AppError('same_password', { status: 422, fields: { newPassword: 'same_password' } });
  await changeOwnPassword(deps, record, next, sessionId);
  const updated = await deps.store.getUserById(userId);
  if (!updated) throw new AppError('unauthenticated', { status: 401 });
  return toDeskUser(updated, deps.catalog);
}

/** Ends the session here and on every socket that uses it. */
export async function logout(deps: AuthDeps, sessionId: string): Promise<void> {
  await deps.store.deleteSession(sessionId);
  deps.sessionHub.ended([sessionId]);
}

/** Whether a session is still good, without counting the check as activity (for open sockets). */
export async function isSessionValid(deps: AuthDeps, sessionId: string): Promise<boolean> {
  const session = await deps.store.getSession(sessionId);
  if (!session || !isSessionLive(session, deps.clock(), deps.config)) return false;
  const record = await deps.store.getUserById(session.userId);
  return Boolean(record && !record.disabled);
}
