// Who may send a failed status message again, role by role, on a report of their own agency or
// kecamatan and on another's: written out here independently of server/desk/policy.ts.
import assert from 'node:assert/strict';
import type { Role } from '../../shared/types.ts';
import { canRetryNotification } from '../../server/desk/policy.ts';
import { OTHER, OWN, USERS } from '../helpers/roles.ts';

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
