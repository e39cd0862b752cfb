import { randomUUID } from 'node:crypto';
import type { DeskOfficer, DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';
import type { FieldErrors } from '../../shared/validation/report-input.ts';
import type { Deps } from '../deps.ts';
import type { Catalog } from '../reference/catalog.ts';
import { AppError } from '../errors.ts';
import { DuplicateUsernameError, type UserRecord } from '../store/port.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';

export const ROLES: readonly Role[] = ['officer', 'agency_admin', 'camat', 'executive', 'admin'];
const AGENCY_ROLES: readonly Role[] = ['officer', 'agency_admin'];
const USERNAME = /^[a-z0-9._-]{3,40}$/;

type UserDeps = Pick<Deps, 'store' | 'catalog' | 'clock' | 'sessionHub'>;

export interface NewUserInput {
  username: string;
  name: string;
  role: string;
  agencyId?: string | null;
  kecamatan?: string | null;
  password: string;
}

/** The desk's view of an account; an agency role's sight includes its agency's units. */
export function toDeskUser(user: UserRecord, catalog: Pick<Catalog, 'agencyScope'>): DeskUser {
  const agencyIds = AGENCY_ROLES.includes(user.role) && user.agencyId ? catalog.agencyScope(user.agencyId) : [];
  return { id: user.id, username: user.username, name: user.name, role: user.role, agencyId: user.agencyId, kecamatan: user.kecamatan, agencyIds };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('password_too_short', { status: 422, fields: { password: 'password_too_short' } });
}

/** A role binds its holder to exactly what it needs: an agency, a kecamatan, or nothing. */
export async function createUser(deps: UserDeps, input: NewUserInput): Promise<DeskUser> {
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
  };
  try {
    await deps.store.createUser(user);
  } catch (err) {
    if (err instanceof DuplicateUsernameError) throw new AppError('username_taken', { status: 409, fields: { username: 'username_taken' } });
    throw err;
  }
  return toDeskUser(user, deps.catalog);
}

async function findUser(deps: UserDeps, username: string): Promise<UserRecord> {
  const user = await deps.store.getUserByUsername(username.trim().toLowerCase());
  if (!user) throw new AppError('user_not_found', { status: 404 });
  return user;
}

/** Ends every session of the user, and tells their open sockets at once. */
async function endSessionsOf(deps: UserDeps, userId: string): Promise<void> {
  deps.sessionHub.ended(await deps.store.deleteSessionsOfUser(userId));
}

export async function disableUser(deps: UserDeps, username: string): Promise<void> {
  const user = await findUser(deps, username);
  await deps.store.updateUser({ ...user, disabled: true });
  await endSessionsOf(deps, user.id);
}

export async function enableUser(deps: UserDeps, username: string): Promise<void> {
  const user = await findUser(deps, username);
  await deps.store.updateUser({ ...user, disabled: false });
}

/** A new password signs the user out everywhere: whoever knew the old one is out too. */
export async function resetPassword(deps: UserDeps, username: string, password: string): Promise<void> {
  checkPassword(password);
  const user = await findUser(deps, username);
  await deps.store.updateUser({ ...user, passwordHash: await hashPassword(password) });
  await endSessionsOf(deps, user.id);
}

export async function listUsers(deps: UserDeps): Promise<(DeskUser & { disabled: boolean })[]> {
  return (await deps.store.listUsers()).map((u) => ({ ...toDeskUser(u, deps.catalog), disabled: u.disabled }));
}

/** Active people of one agency a report can be assigned to. */
export async function officersOf(deps: UserDeps, agencyId: string): Promise<DeskOfficer[]> {
  return (await deps.store.listUsers())
    .filter((u) => !u.disabled && u.agencyId === agencyId && AGENCY_ROLES.includes(u.role))
    .map((u) => ({ id: u.id, name: u.name, username: u.username, role: u.role }));
}
