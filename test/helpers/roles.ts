// One desk user of every role, and a report of the officer's own agency and kecamatan beside
// one of another's: the fixtures of the ability-table tests (server/desk/policy.ts).
import type { DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';

export const OWN = { agencyId: 'dpupr', kecamatan: '33.16.05' };
export const OTHER = { agencyId: 'satgas-pupuk', kecamatan: '33.16.01' };

export const USERS: Record<Role, DeskUser> = {
  officer: { id: 'u1', username: 'o', name: 'O', role: 'officer', agencyId: 'dpupr', kecamatan: null, agencyIds: ['dpupr'], mustChangePassword: false },
  agency_admin: { id: 'u2', username: 'a', name: 'A', role: 'agency_admin', agencyId: 'dpupr', kecamatan: null, agencyIds: ['dpupr'], mustChangePassword: false },
  camat: { id: 'u3', username: 'c', name: 'C', role: 'camat', agencyId: null, kecamatan: '33.16.05', agencyIds: [], mustChangePassword: false },
  executive: { id: 'u4', username: 'e', name: 'E', role: 'executive', agencyId: null, kecamatan: null, agencyIds: [], mustChangePassword: false },
  admin: { id: 'u5', username: 'ad', name: 'AD', role: 'admin', agencyId: null, kecamatan: null, agencyIds: [], mustChangePassword: false },
};
