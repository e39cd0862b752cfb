// The account pages' use cases: list with filters, create, disable, enable, reset password,
// each checked against ./policy.ts and recorded in the audit trail. A new or reset account
// gets a one-time password (answered once, to the person who made it).
import type { AccountCreateInput, AccountQuery } from '../../shared/validation/account-input.ts';
import type { DeskUser } from '../../shared/desk.ts';
import { webActor } from '../audit/entry.ts';
import { generatePassword } from '../auth/password.ts';
import { createUser, disableUser, enableUser, findUser, listUsers, resetPassword, type AccountView } from '../auth/users.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { canAccount } from './policy.ts';

type AccountDeps = Pick<Deps, 'store' | 'catalog' | 'clock' | 'sessionHub'>;

export async function listAccounts(deps: AccountDeps, actor: DeskUser, query: AccountQuery): Promise<AccountView[]> {
  const q = query.q?.toLowerCase();
  return (await listUsers(deps)).filter((u) => canAccount(actor, 'see', u)
    && (!query.role || u.role === query.role)
    && (!query.agencyId || u.agencyId === query.agencyId)
    && (!query.kecamatan || u.kecamatan === query.kecamatan)
    && (!query.status || (query.status === 'disabled') === u.disabled)
    && (!q || u.username.includes(q) || u.name.toLowerCase().includes(q)));
}

export async function createAccount(deps: AccountDeps, actor: DeskUser, input: AccountCreateInput): Promise<{ user: DeskUser; password: string }> {
  // An agency admin's accounts are officers of their agency, whatever the body says.
  const role = actor.role === 'agency_admin' ? 'officer' : input.role;
  const agencyId = actor.role === 'agency_admin' ? actor.agencyId : input.agencyId;
  if (actor.role === 'agency_admin' && (input.role !== 'officer' || (input.agencyId && input.agencyId !== actor.agencyId))) {
    throw new AppError('account_not_manageable', { status: 403 });
  }
  const password = input.password || generatePassword();
  const user = await createUser(deps, { ...input, role, agencyId, password, oneTime: true }, webActor(actor));
  return { user, password };
}

/** An account this actor may manage; one they may not even see is "not found", as if it did not exist. */
async function manageable(deps: AccountDeps, actor: DeskUser, username: string) {
  const account = await findUser(deps, username);
  if (!canAccount(actor, 'see', account)) throw new AppError('user_not_found', { status: 404 });
  if (!canAccount(actor, 'manage', account)) throw new AppError('account_not_manageable', { status: 403 });
  return account;
}

export async function disableAccount(deps: AccountDeps, actor: DeskUser, username: string): Promise<void> {
  const account = await manageable(deps, actor, username);
  if (account.id === actor.id) throw new AppError('cannot_disable_self', { status: 409 });
  await disableUser(deps, account.username, webActor(actor));
}

export async function enableAccount(deps: AccountDeps, actor: DeskUser, username: string): Promise<void> {
  const account = await manageable(deps, actor, username);
  await enableUser(deps, account.username, webActor(actor));
}

export async function resetAccountPassword(deps: AccountDeps, actor: DeskUser, username: string, given: string | undefined): Promise<{ password: string }> {
  const account = await manageable(deps, actor, username);
  const password = given || generatePassword();
  await resetPassword(deps, account.username, password, webActor(actor));
  return { password };
}
