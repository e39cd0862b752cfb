import assert from 'node:assert/strict';
import type { Report } from '../../../shared/types.ts';
import type { Store } from '../../../server/store/port.ts';
import { nextInstant, makeReport, insert, type ContractContext } from './fixtures.ts';

export function pagingCases(t: ContractContext): void {
  describe('paging through reports', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('walks every report once, in order, even when several share a createdAt', async () => {
      const reports: Report[] = [];
      for (let i = 0; i < 23; i += 1) {
        const createdAt = i % 3 === 0 ? nextInstant() : reports[reports.length - 1].createdAt;
        reports.push(makeReport({ createdAt, updatedAt: createdAt, agencyId: i % 2 ? 'dpupr' : 'dinkes' }));
      }
      await Promise.all(reports.map((r) => insert(store, r)));
      const order = [...reports].sort((a, b) => (b.createdAt.localeCompare(a.createdAt) || b.publicId.localeCompare(a.publicId))).map((r) => r.publicId);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listReports({ limit: 5, cursor });
        seen.push(...page.items.map((r) => r.publicId));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 20);

      assert.deepEqual(seen, order);
      assert.equal(pages, 5);
    });

    it('pages within a filter, ending with a null cursor', async () => {
      for (let i = 0; i < 7; i += 1) await insert(store, makeReport({ agencyId: i % 2 ? 'dpupr' : 'dinkes' }));

      const first = await store.listReports({ limit: 2, agencyIds: ['dpupr'] });
      const second = await store.listReports({ limit: 2, agencyIds: ['dpupr'], cursor: first.nextCursor! });

      assert.equal(first.items.length, 2);
      assert.equal(second.items.length, 1);
      assert.equal(second.nextCursor, null);
      assert.ok([...first.items, ...second.items].every((r) => r.agencyId === 'dpupr'));
    });
  });
}
