import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { change, insert, makeReport, type ContractContext } from './fixtures.ts';

/** `demo seed` loads through beginBulkLoad/endBulkLoad: what it wrote must be found as any other report is. */
export function bulkLoadCases(t: ContractContext): void {
  describe('bulk load', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    const before = makeReport({ description: 'Lampu jalan mati di Balun sejak kemarin.' });
    const during = makeReport({ description: 'Gorong-gorong tersumbat sampah di Kunden.', dueAt: '2026-11-03T16:59:59.999Z' });

    it('reports written during a bulk load are found by search, filters and overdue once it ends, beside the earlier ones', async () => {
      await insert(store, before);
      await store.beginBulkLoad();
      await insert(store, during);
      const verified = await change(store, during, 'verified');
      assert.equal((await store.getReport(during.publicId))?.status, 'verified', 'reads by key are served during the load');
      await store.endBulkLoad();

      assert.deepEqual((await store.listReports({ text: 'tersumbat', limit: 10 })).items.map((r) => r.publicId), [during.publicId]);
      assert.deepEqual((await store.listReports({ text: 'mati di Bal', limit: 10 })).items.map((r) => r.publicId), [before.publicId]);
      assert.deepEqual((await store.listReports({ statuses: ['verified'], limit: 10 })).items.map((r) => r.publicId), [during.publicId]);
      assert.deepEqual((await store.listReports({ overdueAt: '2026-11-04T00:00:00.000Z', limit: 10 })).items.map((r) => r.publicId), [verified.publicId]);
      assert.deepEqual((await store.eventsOfReport(during.publicId)).map((e) => e.type), ['report.created', 'report.verified']);
    });

    it('a bulk load that never ended (a crash, Ctrl-C) is finished when the store is opened again', async () => {
      await store.beginBulkLoad();
      await insert(store, during);
      store = await t.reopen();
      assert.deepEqual((await store.listReports({ text: 'Gorong-gorong', limit: 10 })).items.map((r) => r.publicId), [during.publicId]);
      assert.deepEqual((await store.listReports({ kecamatan: during.kecamatan, categories: ['jalan'], limit: 10 })).items.map((r) => r.publicId), [during.publicId]);
      // Nothing left to finish: a new load can begin and end.
      await store.beginBulkLoad();
      await store.endBulkLoad();
    });
  });
}
