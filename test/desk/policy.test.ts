import assert from 'node:assert/strict';
import { DESK_ACTIONS, type DeskAction } from '../../shared/desk.ts';
import type { Report, Role } from '../../shared/types.ts';
import { allowedActions, can, canSee, canSeeReporter, isPossible, roomsOf } from '../../server/desk/policy.ts';
import { OTHER, OWN, USERS } from '../helpers/roles.ts';

// The ability table as the issue states it, written out independently of policy.ts.
const EXPECTED: Record<Role, { own: DeskAction[]; other: DeskAction[] }> = {
  // The agency moderates what the public sees of its own reports.
  // The agency completes details a one-line SMS/WhatsApp report could not carry.
  officer: { own: ['verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'reply', 'note', 'redact', 'hide_photo', 'publish_photo', 'complete_details'], other: [] },
  agency_admin: { own: ['verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'assign', 'reply', 'note', 'redact', 'hide_photo', 'publish_photo', 'complete_details'], other: [] },
  camat: { own: ['note'], other: [] },
  executive: { own: ['forward', 'note'], other: ['forward', 'note'] },
  admin: { own: [...DESK_ACTIONS], other: [...DESK_ACTIONS] },
};

describe('desk policy: the ability table, role by role', () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    for (const where of ['own', 'other'] as const) {
      it(`${role} on a report ${where === 'own' ? 'in' : 'outside'} their scope may do exactly: ${EXPECTED[role][where].join(', ') || 'nothing'}`, () => {
        const report = where === 'own' ? OWN : OTHER;
        const allowed = DESK_ACTIONS.filter((action) => can(USERS[role], action, report));
        assert.deepEqual(allowed, EXPECTED[role][where]);
        assert.equal(canSee(USERS[role], report), where === 'own' || role === 'executive' || role === 'admin');
      });
    }
  }

  it('follows the status table: nothing moves a rejected or duplicate report but replies, notes and redaction', () => {
    for (const status of ['rejected', 'duplicate'] as const) {
      assert.deepEqual(DESK_ACTIONS.filter((a) => isPossible(a, { status })), ['reply', 'note', 'redact']);
    }
    assert.deepEqual(DESK_ACTIONS.filter((a) => isPossible(a, { status: 'new' })), DESK_ACTIONS.filter((a) => a !== 'hide_photo' && a !== 'publish_photo' && a !== 'complete_details'));
    assert.deepEqual(DESK_ACTIONS.filter((a) => isPossible(a, { status: 'verified' })), ['start', 'resolve', 'reject', 'duplicate', 'forward', 'assign', 'reply', 'note', 'redact']);
    assert.deepEqual(DESK_ACTIONS.filter((a) => isPossible(a, { status: 'resolved' })), ['start', 'reply', 'note', 'redact']);
  });

  it('offers completing details only on a report whose details were not given, in any status', () => {
    for (const status of ['new', 'resolved', 'rejected'] as const) {
      assert.equal(isPossible('complete_details', { status, details: { notGiven: true } }), true);
      assert.equal(isPossible('complete_details', { status, details: { damageType: 'berlubang', severity: 2 } }), false);
    }
  });

  it('offers moderation only where the public could see something: photos to hide or publish, never on a confidential report', () => {
    const photos = [{ id: 'a', width: 1, height: 1 }, { id: 'b', width: 1, height: 1, hidden: true }];
    const moderation = (r: Parameters<typeof isPossible>[1]) => (['redact', 'hide_photo', 'publish_photo'] as const).filter((a) => isPossible(a, r));
    assert.deepEqual(moderation({ status: 'verified', confidential: false, photos }), ['redact', 'hide_photo', 'publish_photo']);
    assert.deepEqual(moderation({ status: 'verified', confidential: false, photos: [photos[0]] }), ['redact', 'hide_photo']);
    assert.deepEqual(moderation({ status: 'verified', confidential: false, photos: [] }), ['redact']);
    assert.deepEqual(moderation({ status: 'verified', confidential: true, photos }), []);
  });

  it('offers the desk only what is allowed and possible now', () => {
    const report = { ...OWN, status: 'in_progress', confidential: false, photos: [] } as unknown as Report;
    assert.deepEqual(allowedActions(USERS.officer, report), ['resolve', 'reject', 'duplicate', 'forward', 'reply', 'note', 'redact']);
    assert.deepEqual(allowedActions(USERS.camat, report), ['note']);
  });

  it('shows the reporter of an anonymous report to no desk role, admin included', () => {
    for (const role of Object.keys(USERS) as Role[]) {
      assert.equal(canSeeReporter(USERS[role], { anonymous: true }), false, role);
      assert.equal(canSeeReporter(USERS[role], { anonymous: false }), true, role);
    }
  });

  it('derives socket rooms from the role', () => {
    assert.deepEqual(roomsOf(USERS.officer), ['agency:dpupr']);
    assert.deepEqual(roomsOf(USERS.camat), ['kecamatan:33.16.05']);
    assert.deepEqual(roomsOf(USERS.executive), ['all']);
    assert.deepEqual(roomsOf(USERS.admin), ['all']);
  });
});
