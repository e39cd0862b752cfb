// Who runs Ngopi Bareng sessions: Dinkominfo organises them; the Bupati's office (executive) and
// the admin may too. One table, role by role.
import type { DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';

export const ORGANISER_AGENCY = 'dinkominfo';

const MANAGES_SESSIONS: Readonly<Record<Role, (user: DeskUser) => boolean>> = {
  officer: (u) => u.agencyId === ORGANISER_AGENCY,
  agency_admin: (u) => u.agencyId === ORGANISER_AGENCY,
  camat: () => false,
  executive: () => true,
  admin: () => true,
};

/** Create, change and delete sessions, and enter aspirations as their facilitator. */
export function canManageSessions(user: DeskUser): boolean {
  return MANAGES_SESSIONS[user.role](user);
}
