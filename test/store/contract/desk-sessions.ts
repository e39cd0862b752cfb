import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { makeSession, type ContractContext } from './fixtures.ts';

export function deskSessionCases(t: ContractContext): void {
  describe('sessions', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('creates, reads, touches and deletes a session', async () => {
      const session = makeSession('u1');
      await store.createSession(session);

      assert.deepEqual(await store.getSession(session.id), session);
      await store.touchSession(session.id, '2026-11-02T05:00:00.000Z');
      assert.equal((await store.getSession(session.id))?.lastSeenAt, '2026-11-02T05:00:00.000Z');
      await store.deleteSession(session.id);
      assert.equal(await store.getSession(session.id), null);
    });

    it('deletes all sessions of a user and returns their ids, leaving others', async () => {
      const a = makeSession('u1');
      const b = makeSession('u1');
      const other = makeSession('u2');
      for (const s of [a, b, other]) await store.createSession(s);

      const deleted = await store.deleteSessionsOfUser('u1');

      assert.deepEqual(deleted.sort(), [a.id, b.id].sort());
      assert.equal(await store.getSession(a.id), null);
      assert.deepEqual(await store.getSession(other.id), other);
      assert.deepEqual(await store.deleteSessionsOfUser('u1'), []);
    });

    it('deletes all sessions of a user but the one to keep (a password changed in this session)', async () => {
      const [a, b] = [makeSession('u1'), makeSession('u1')];
      for (const s of [a, b]) await store.createSession(s);
      assert.deepEqual(await store.deleteSessionsOfUser('u1', a.id), [b.id]);
      assert.deepEqual(await store.getSession(a.id), a);
      assert.equal(await store.getSession(b.id), null);
    });
  });
}
