// Accounts as the store keeps them: creation with the binding each role needs, disabling,
// password resets and changes. Who may do which to whom is ../accounts/policy.ts; every change
// made by someone (`by`) is written with its audit entry in the same transaction.
import { randomUUID } from 'node:crypto';
import type { DeskOfficer, DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';
import type { FieldErrors } from '../../shared/validation/report-input.ts';
import { auditEntry } from '../audit/entry.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Catalog } from '../reference/catalog.ts';
import { DuplicateUsernameError, type AuditActor, type UserRecord } from '../store/port.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';

export const ROLES: readonly Role[] = ['officer', 'agency_admin', 'camat', 'executive', 'admin'];
export const AGENCY_ROLES: readonly Role[] = ['officer', 'agency_admin'];
const USERNAME = /^[a-z0-9._-]{3,40}$/;

type UserDeps = Pick<Deps, 'store' | 'catalog' | 'clock' | 'sessionHub'>;

export interface NewUserInput {
  username: string;
  name: string;
  role: string;
  agencyId?: string | null;
  kecamatan?: string | null;
  password: string;
  /** A one-time password: the first login can do nothing but choose a new one. */
  oneTime?: boolean;
}

/** An account as the back office lists it (never a hash). */
export interface AccountView extends DeskUser { disabled: boolean; createdAt: string }

/** The desk's view of an account; an agency role's sight includes its agency's units. */
export function toDeskUser(user: UserRecord, catalog: Pick<Catalog, 'agencyScope'>): DeskUser {
  const agencyIds = AGENCY_ROLES.includes(user.role) && user.agencyId ? catalog.agencyScope(user.agencyId) : [];
  return {
    id: user.id, username: user.username, name: user.name, role: user.role, agencyId: user.agencyId, kecamatan: user.kecamatan,
    agencyIds, mustChangePassword: user.mustChangePassword === true,
  };
}

export function toAccountView(user: UserRecord, catalog: Pick<Catalog, 'agencyScope'>): AccountView {
  return { ...toDeskUser(user, catalog), disabled: user.disabled, createdAt: user.createdAt };
}

/** What the audit trail keeps of an account: everything but the password hash. */
function audited(user: UserRecord | null): Omit<UserRecord, 'passwordHash'> | null {
  if (!user) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

function auditOf(deps: UserDeps, by: AuditActor | undefined, action: string, before: UserRecord | null, after: UserRecord) {
  return by ? auditEntry(deps.clock(), by, action, `user:${after.username}`, audited(before), audited(after)) : undefined;
}

function checkPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('password_too_short', { status: 422, fields: { [field]: 'password_too_short' } });
}

/** A role binds its holder to exactly what it needs: an agency, a kecamatan, or nothing. */
export async function createUser(deps: UserDeps, input: NewUserInput, by?: AuditActor): Promise<DeskUser> {
  const fields: FieldErrors = {};
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) fields.username = 'invalid_username';
  if (!input.name.trim() || input.name.length > 100) fields.name = 'required';
  const role = input.role as Role;
  if (!ROLES.includes(role)) fields.role = 'invalid_role';
  const agencyId = AGENCY_ROLES.includes(role) ? input.agencyId ?? null : null;
  if (AGENCY_ROLES.includes(role) && (!agencyId || !deps.catalog.agency(agencyId)?.active)) fields.agencyId = 'agency_required';
  const kecamatan = role === 'camat' ? input.kecamatan ?? null : null;
  if (role === 'camat' && (!kecamatan || !deps.catalog.region.kecamatan.some((k) => k.code === kecamatan))) fields.kecamatan = 'kecamatan_required';
  if (input.password.length < MIN_PASSWORD_LENGTH) fields.password = 'password_too_short';
  if (Object.keys(fields).length) throw new AppError('validation_failed', { status: 422, fields });
  const user: UserRecord = {
    id: randomUUID(), username, name: input.name.trim(), role, agencyId, kecamatan,
    passwordHash: await hashPassword(input.password), disabled: false, createdAt: deps.clock().toISOString(),
    mustChangePassword: input.oneTime === true,
  };
  try {
    await deps.store.createUser(user, auditOf(deps, by, 'user.create', null, user));
  } catch (err) {
    if (err instanceof DuplicateUsernameError) throw new AppError('username_taken', { status: 409, fields: { username: 'username_taken' } });
    throw err;
  }
  return toDeskUser(user, deps.catalog);
}

export async function findUser(deps: Pick<Deps, 'store'>, username: string): Promise<UserRecord> {
  const user = await deps.store.getUserByUsername(username.trim().toLowerCase());
  if (!user) throw new AppError('user_not_found', { status: 404 });
  return user;
}

/** Ends every session of the user but `keep`, and tells their open sockets at once. */
async function endSessionsOf(deps: UserDeps, userId: string, keep?: string): Promise<void> {
  const ended = await deps.store.deleteSessionsOfUser(userId, keep);
  deps.sessionHub.ended(ended);
}

export async function disableUser(deps: UserDeps, username: string, by?: AuditActor): Promise<void> {
  const user = await findUser(deps, username);
  const next = { ...user, disabled: true };
  await deps.store.updateUser(next, auditOf(deps, by, 'user.disable', user, next));
  await endSessionsOf(deps, user.id);
}

export async function enableUser(deps: UserDeps, username: string, by?: AuditActor): Promise<void> {
  const user = await findUser(deps, username);
  const next = { ...user, disabled: false };
  await deps.store.updateUser(next, auditOf(deps, by, 'user.enable', user, next));
}

/**
 * A password set by someone else (admin, agency admin, CLI) signs the user out everywhere, and
 * unless `oneTime` is false it must be changed at the next login.
 */
export async function resetPassword(deps: UserDeps, username: string, password: string, by?: AuditActor, oneTime = true): Promise<void> {
  checkPassword(password);
  const user = await findUser(deps, username);
  const next = { ...user, passwordHash: await hashPassword(password), mustChangePassword: oneTime };
  await deps.store.updateUser(next, auditOf(deps, by, 'user.reset_password', user, next));
  await endSessionsOf(deps, user.id);
}

/** The user's own new password: no longer one-time; their other sessions end, this one stays. */
export async function changeOwnPassword(deps: UserDeps, user: UserRecord, newPassword: string, keepSession: string): Promise<void> {
  checkPassword(newPassword, 'newPassword');
  const next = { ...user, passwordHash: await hashPassword(newPassword), mustChangePassword: false };
  await deps.store.updateUser(next, auditOf(deps, { via: 'web', userId: user.id, username: user.username }, 'user.change_password', user, next));
  await endSessionsOf(deps, user.id, keepSession);
}

export async function listUsers(deps: UserDeps): Promise<AccountView[]> {
  return (await deps.store.listUsers()).map((u) => toAccountView(u, deps.catalog));
}

/** Active people of one agency a report can be assigned to. */
export async function officersOf(deps: UserDeps, agencyId: string): Promise<DeskOfficer[]> {
  return (await deps.store.listUsers())
    .filter((u) => !u.disabled && u.agencyId === agencyId && AGENCY_ROLES.includes(u.role))
    .map((u) => ({ id: u.id, name: u.name, username: u.username, role: u.role }));
}
