// Several changes committed as one (a duplicate merge; a seeder's batch), a merge's supporter
// devices, and the writes derived from a change (read-model counters), all in the change's transaction.
import assert from 'node:assert/strict';
import type { Report, ReportRecord } from '../../../shared/types.ts';
import { eventFor } from '../../../server/reports/events.ts';
import { DuplicateSupportError, VersionConflictError, type ReadModelDelta, type ReportChange, type Store } from '../../../server/store/port.ts';
import { assertRejects, CITIZEN, insert, makeReport, nextInstant, OFFICER, support, type ContractContext } from './fixtures.ts';

/** The change a desk makes: the next version over the one read, with a status and its event. */
function changeOf(report: Report, overrides: Partial<ReportRecord>, extra: Partial<ReportChange> = {}): ReportChange {
  const next: Report = { ...report, ...overrides, updatedAt: nextInstant(), version: report.version + 1 };
  return { report: next, event: eventFor(next, 'report.noted', OFFICER, {}, [], report), expectedVersion: report.version, ...extra };
}

const ALL = { grain: 'all' as const, bucket: '' };

/** A derived write of the change: one read-model counter moved by `value`. */
function counter(name: string, value: number): ReadModelDelta {
  return { kind: 'readmodel', ...ALL, kecamatan: '33.16.05', category: 'jalan', status: 'new', agencyId: 'dpupr', confidential: false, name, value };
}

/** The counters' values (0 for one never moved, or moved back to 0). */
async function readCounters(store: Store, names: string[]): Promise<Record<string, number>> {
  const rows = await store.sumReadModel({ buckets: [ALL], names, by: [] });
  return Object.fromEntries(names.map((name) => [name, rows.find((r) => r.name === name)?.value ?? 0]));
}

export function changeSetCases(t: ContractContext): void {
  describe('change sets, merges and derived writes', () => {
    it('commits several changes in one call, each with its own event, seqs ascending in the order given', async () => {
      const [a, b] = [makeReport(), makeReport()];
      await insert(t.store, a);
      await insert(t.store, b);

      const events = await t.store.commitReports([changeOf(a, { status: 'verified' }), changeOf(b, { status: 'in_progress' })]);

      assert.deepEqual(events.map((e) => e.reportId), [a.publicId, b.publicId]);
      assert.ok(events[0].seq < events[1].seq);
      assert.equal((await t.store.getReport(a.publicId))?.status, 'verified');
      assert.equal((await t.store.getReport(b.publicId))?.status, 'in_progress');
      assert.deepEqual((await t.store.eventsOfReport(b.publicId)).at(-1), events[1]);
    });

    it('commits a batch of new reports and later changes of them in one call', async () => {
      const created = [makeReport(), makeReport(), makeReport()];
      const batch: ReportChange[] = created.map((report) => ({ report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 }));
      batch.push(changeOf(created[0], { status: 'verified' }));

      const events = await t.store.commitReports(batch);

      assert.equal(events.length, 4);
      assert.equal((await t.store.getReport(created[0].publicId))?.version, 2);
      assert.equal((await t.store.getReport(created[2].publicId))?.status, 'new');
    });

    it('writes none of the changes when one is refused: no report changed, no event, no counter moved', async () => {
      const [a, b] = [makeReport(), makeReport()];
      await insert(t.store, a);
      await insert(t.store, b);
      const seqBefore = await t.store.lastSeq();
      const stale = { ...b, version: b.version + 5 };

      await assertRejects(t.store.commitReports([
        changeOf(a, { status: 'verified' }, { derived: [counter('test:verified', 1)] }),
        changeOf(stale, { status: 'verified' }),
      ]), VersionConflictError);

      assert.deepEqual(await t.store.getReport(a.publicId), a);
      assert.equal(await t.store.lastSeq(), seqBefore);
      assert.deepEqual(await readCounters(t.store, ['test:verified']), { 'test:verified': 0 });
    });

    it('adds derived counter deltas with the change that derived them, across changes and a reopening', async () => {
      const report = makeReport();
      await t.store.commitReports([{
        report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0,
        derived: [counter('test:new', 1), counter('test:all', 1)],
      }]);
      await t.store.commitReports([changeOf(report, { status: 'verified' }, {
        derived: [counter('test:new', -1), counter('test:verified', 1)],
      })]);

      assert.deepEqual(await readCounters(t.store, ['test:new', 'test:verified', 'test:all', 'test:never']),
        { 'test:new': 0, 'test:verified': 1, 'test:all': 1, 'test:never': 0 });
      await t.reopen();
      assert.deepEqual(await readCounters(t.store, ['test:verified']), { 'test:verified': 1 });
    });

    it('moves the supporter devices of a merged report to the original: a device that backed either counts once there', async () => {
      const [original, duplicate] = [makeReport(), makeReport()];
      await insert(t.store, original);
      await insert(t.store, duplicate);
      const backedOriginal = await support(t.store, original, 'device-both');
      const once = await support(t.store, duplicate, 'device-both');
      const backedDuplicate = await support(t.store, once, 'device-dup');

      await t.store.commitReports([
        changeOf(backedDuplicate, { status: 'duplicate', duplicateOf: original.publicId }),
        changeOf(backedOriginal, { supportCount: backedOriginal.supportCount + 3 }, { moveSupportsFrom: duplicate.publicId }),
      ]);

      const merged = (await t.store.getReport(original.publicId))!;
      assert.equal(merged.supportCount, 4);
      await assertRejects(support(t.store, merged, 'device-dup'), DuplicateSupportError);
      await assertRejects(support(t.store, merged, 'device-both'), DuplicateSupportError);
      assert.equal((await support(t.store, merged, 'device-new')).supportCount, 5);
    });

    it('moves no supporter device when the merge is refused', async () => {
      const [original, duplicate] = [makeReport(), makeReport()];
      await insert(t.store, original);
      await insert(t.store, duplicate);
      const backed = await support(t.store, duplicate, 'device-dup');

      await assertRejects(t.store.commitReports([
        changeOf(backed, { status: 'duplicate', duplicateOf: original.publicId }),
        changeOf({ ...original, version: 9 }, { supportCount: 2 }, { moveSupportsFrom: duplicate.publicId }),
      ]), VersionConflictError);

      const fresh = (await t.store.getReport(original.publicId))!;
      assert.equal((await support(t.store, fresh, 'device-dup')).supportCount, 1, 'the device was not moved');
      await assertRejects(support(t.store, backed, 'device-dup'), DuplicateSupportError);
    });
  });
}
