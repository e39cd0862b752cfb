import assert from 'node:assert/strict';
import { DuplicateUsernameError, type Store } from '../../../server/store/port.ts';
import { makeUser, assertRejects, type ContractContext } from './fixtures.ts';

export function userCases(t: ContractContext): void {
  describe('users', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('creates, finds by id and by username in any letter case, lists and counts', async () => {
      const admin = makeUser({ username: 'Admin', role: 'admin', agencyId: null });
      const officer = makeUser({ username: 'budi.dpupr' });
      await store.createUser(admin);
      await store.createUser(officer);

      assert.deepEqual(await store.getUserById(officer.id), officer);
      assert.deepEqual(await store.getUserByUsername('admin'), admin);
      assert.deepEqual(await store.getUserByUsername('ADMIN'), admin);
      assert.equal(await store.getUserByUsername('nobody'), null);
      assert.deepEqual((await store.listUsers()).map((u) => u.id).sort(), [admin.id, officer.id].sort());
      assert.equal(await store.countUsers(), 2);
    });

    it('refuses a username that differs only in letter case (DuplicateUsernameError)', async () => {
      await store.createUser(makeUser({ username: 'siti' }));

      await assertRejects(store.createUser(makeUser({ username: 'SITI' })), DuplicateUsernameError);
      assert.equal(await store.countUsers(), 1);
    });

    it('updates a user', async () => {
      const user = makeUser();
      await store.createUser(user);
      const updated = { ...user, name: 'Budi Santoso', role: 'agency_admin' as const, disabled: true };

      await store.updateUser(updated);

      assert.deepEqual(await store.getUserById(user.id), updated);
      assert.deepEqual(await store.getUserByUsername(user.username), updated);
    });

    it('refuses renaming a user to a username another user has, in any letter case', async () => {
      await store.createUser(makeUser({ username: 'siti' }));
      const budi = makeUser({ username: 'budi' });
      await store.createUser(budi);

      await assertRejects(store.updateUser({ ...budi, username: 'Siti' }), DuplicateUsernameError);
      assert.equal((await store.getUserById(budi.id))?.username, 'budi');
    });
  });
}
