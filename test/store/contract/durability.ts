import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { makeReport, insert, makeUser, makeSession, type ContractContext } from './fixtures.ts';

export function durabilityCases(t: ContractContext): void {
  describe('durability', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('keeps reports, events, users, sessions and settings across close and reopen, and seqs continue', async () => {
      const report = makeReport({ photos: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', width: 10, height: 10 }] });
      const created = await insert(store, report);
      const user = makeUser();
      const session = makeSession(user.id);
      await store.createUser(user);
      await store.createSession(session);
      await store.putSetting('routing', { jalan: 'dpupr' });

      store = await t.reopen();

      assert.deepEqual(await store.getReport(report.publicId), report);
      assert.deepEqual(await store.eventsOfReport(report.publicId), [created]);
      assert.equal((await store.getReportByPhotoId('AbCdEfGhIjKlMnOpQrStUv'))?.publicId, report.publicId);
      assert.deepEqual(await store.getUserByUsername(user.username), user);
      assert.deepEqual(await store.getSession(session.id), session);
      assert.deepEqual(await store.getSetting('routing'), { jalan: 'dpupr' });
      assert.equal(await store.lastSeq(), created.seq);
      assert.ok((await insert(store, makeReport())).seq > created.seq);
    });

    it('has written a commit that was not awaited before close', async () => {
      const report = makeReport();
      const pending = insert(store, report);

      store = await t.reopen();

      await pending;
      assert.equal((await store.getReport(report.publicId))?.publicId, report.publicId);
    });
  });
}
