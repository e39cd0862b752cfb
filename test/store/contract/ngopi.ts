import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { makeNgopiSession, type ContractContext } from './fixtures.ts';

export function ngopiCases(t: ContractContext): void {
  describe('Ngopi Bareng sessions', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('creates, reads, replaces, lists latest start first and deletes sessions', async () => {
      assert.equal(await store.getNgopiSession('missing'), null);
      const early = makeNgopiSession({ startsAt: '2026-11-01T02:00:00.000Z', endsAt: '2026-11-01T03:00:00.000Z', link: null });
      const late = makeNgopiSession();
      await store.putNgopiSession(early);
      await store.putNgopiSession(late);
      assert.deepEqual(await store.getNgopiSession(early.id), early);

      const renamed = { ...early, title: 'Ngopi Bareng di Randublatung', startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z' };
      await store.putNgopiSession(renamed);
      assert.deepEqual(await store.listNgopiSessions(), [renamed, late]);

      await store.deleteNgopiSession(renamed.id);
      assert.deepEqual(await store.listNgopiSessions(), [late]);
    });
  });
}
