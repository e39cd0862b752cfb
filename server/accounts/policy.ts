// Who may see and manage which account: the admin every account; an agency admin the accounts
// of their own agency, and manages only its officers (never another agency admin, never an
// admin); nobody else any. Pure functions over one table, tested role by role.
import type { DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';

type Account = { role: Role; agencyId: string | null };

export type AccountAbility = 'see' | 'manage';

const RULES: Readonly<Record<Role, Readonly<Record<AccountAbility, (actor: DeskUser, account: Account) => boolean>>>> = {
  admin: { see: () => true, manage: () => true },
  agency_admin: {
    see: (actor, account) => actor.agencyId !== null && account.agencyId === actor.agencyId,
    manage: (actor, account) => actor.agencyId !== null && account.agencyId === actor.agencyId && account.role === 'officer',
  },
  officer: { see: () => false, manage: () => false },
  camat: { see: () => false, manage: () => false },
  executive: { see: () => false, manage: () => false },
};

export function canAccount(actor: DeskUser, ability: AccountAbility, account: Account): boolean {
  return RULES[actor.role][ability](actor, account);
}

/** Whether the role uses the account pages at all. */
export function managesAccounts(actor: DeskUser): boolean {
  return actor.role === 'admin' || actor.role === 'agency_admin';
}
