import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { makeReport, insert, type ContractContext } from './fixtures.ts';

export function sessionAndAgeCases(t: ContractContext): void {
  describe('aspirations by session and reports by age', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('lists only the aspirations of one session, and only reports created from an instant on', async () => {
      const first = makeReport({ category: 'aspirasi', details: { topic: 'kesehatan', session: 's-1' } });
      const other = makeReport({ category: 'aspirasi', details: { topic: 'kesehatan', session: 's-2' } });
      const second = makeReport({ category: 'aspirasi', details: { topic: 'umum', session: 's-1' } });
      const plain = makeReport();
      for (const r of [first, other, second, plain]) await insert(store, r);

      const bySession = await store.listReports({ session: 's-1', limit: 10 });
      assert.deepEqual(bySession.items.map((r) => r.publicId), [second.publicId, first.publicId]);
      const recent = await store.listReports({ createdFrom: second.createdAt, limit: 10 });
      assert.deepEqual(recent.items.map((r) => r.publicId), [plain.publicId, second.publicId]);
    });
  });
}
