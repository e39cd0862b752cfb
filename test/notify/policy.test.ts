// Who may send a failed status message again, role by role, on a report of their own agency or
// kecamatan and on another's: written out here independently of server/desk/policy.ts.
import assert from 'node:assert/strict';
import type { DeskUser } from '../../shared/desk.ts';
import type { Role } from '../../shared/types.ts';
import { canRetryNotification } from '../../server/desk/policy.ts';

const OWN = { agencyId: 'dpupr', kecamatan: '33.16.05' };
const OTHER = { agencyId: 'satgas-pupuk', kecamatan: '33.16.01' };

const USERS: Record<Role, DeskUser> = {
  officer: { id: 'u1', username: 'o', name: 'O', role: 'officer', agencyId: 'dpupr', kecamatan: null, agencyIds: ['dpupr'], mustChangePassword: false },
  agency_admin: { id: 'u2', username: 'a', name: 'A', role: 'agency_admin', agencyId: 'dpupr', kecamatan: null, agencyIds: ['dpupr'], mustChangePassword: false },
  camat: { id: 'u3', username: 'c', name: 'C', role: 'camat', agencyId: null, kecamatan: '33.16.05', agencyIds: [], mustChangePassword: false },
  executive: { id: 'u4', username: 'e', name: 'E', role: 'executive', agencyId: null, kecamatan: null, agencyIds: [], mustChangePassword: false },
  admin: { id: 'u5', username: 'ad', name: 'AD', role: 'admin', agencyId: null, kecamatan: null, agencyIds: [], mustChangePassword: false },
};

const EXPECTED: Record<Role, { own: boolean; other: boolean }> = {
  officer: { own: true, other: false },
  agency_admin: { own: true, other: false },
  // A camat follows and an executive steers; neither acts on the citizen-facing side.
  camat: { own: false, other: false },
  executive: { own: false, other: false },
  admin: { own: true, other: true },
};

describe('notification retry policy, role by role', () => {
  for (const [role, expected] of Object.entries(EXPECTED) as [Role, { own: boolean; other: boolean }][]) {
    it(`a ${role} ${expected.own ? 'may' : 'may not'} retry on their own reports and ${expected.other ? 'may' : 'may not'} on others'`, () => {
      assert.equal(canRetryNotification(USERS[role], OWN), expected.own);
      assert.equal(canRetryNotification(USERS[role], OTHER), expected.other);
    });
  }
});
