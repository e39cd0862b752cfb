import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { makeReport, insert, change, type ContractContext } from './fixtures.ts';

export function photoCases(t: ContractContext): void {
  describe('photos', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('finds the report a photo belongs to, before and after a change', async () => {
      const report = makeReport({ photos: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', width: 1600, height: 1200 }, { id: 'ZyXwVuTsRqPoNmLkJiHgFe', width: 800, height: 600 }] });
      await insert(store, report);
      await insert(store, makeReport());

      assert.equal((await store.getReportByPhotoId('ZyXwVuTsRqPoNmLkJiHgFe'))?.publicId, report.publicId);
      await change(store, report, 'verified');
      assert.equal((await store.getReportByPhotoId('AbCdEfGhIjKlMnOpQrStUv'))?.status, 'verified');
      assert.equal(await store.getReportByPhotoId('AAAAAAAAAAAAAAAAAAAAAA'), null);
    });
  });
}
