import assert from 'node:assert/strict';
import { DuplicateSupportError, VersionConflictError, type Store } from '../../../server/store/port.ts';
import { makeReport, insert, change, assertRejects, support, type ContractContext } from './fixtures.ts';

export function supportCases(t: ContractContext): void {
  describe('supports (dukung)', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('records a device once per report: a second support of the same device changes nothing and writes no event', async () => {
      const report = makeReport();
      await insert(store, report);
      const once = await support(store, report, 'device-a');
      const eventsBefore = await store.eventsOfReport(report.publicId);

      await assertRejects(support(store, once, 'device-a'), DuplicateSupportError);

      assert.equal((await store.getReport(report.publicId))?.supportCount, 1);
      assert.deepEqual(await store.eventsOfReport(report.publicId), eventsBefore);
      const twice = await support(store, once, 'device-b');
      assert.equal((await store.getReport(report.publicId))?.supportCount, twice.supportCount);
      assert.equal(twice.supportCount, 2);
    });

    it('lets the same device support two different reports', async () => {
      const [a, b] = [makeReport(), makeReport()];
      await insert(store, a);
      await insert(store, b);
      await support(store, a, 'device-a');
      await support(store, b, 'device-a');
      assert.equal((await store.getReport(b.publicId))?.supportCount, 1);
    });

    it('does not record the support when the change is refused as stale, so the device may try again', async () => {
      const report = makeReport();
      await insert(store, report);
      await change(store, report, 'verified');
      await assertRejects(support(store, report, 'device-a'), VersionConflictError);
      const fresh = (await store.getReport(report.publicId))!;
      await support(store, fresh, 'device-a');
      assert.equal((await store.getReport(report.publicId))?.supportCount, 1);
    });
  });
}
