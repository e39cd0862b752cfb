import assert from 'node:assert/strict';
import { DuplicateClientIdError, DuplicateCodeError, VersionConflictError, type Store } from '../../../server/store/port.ts';
import { generateTrackingCode, hashTrackingCode } from '../../../server/reports/tracking-code.ts';
import { makeReport, insert, change, assertRejects, type ContractContext } from './fixtures.ts';

export function commitCases(t: ContractContext): void {
  describe('committing reports', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('stores a new report with its event, and event seqs strictly increase', async () => {
      const a = makeReport();
      const b = makeReport();

      const ea = await insert(store, a);
      const eb = await insert(store, b);

      assert.deepEqual(await store.getReport(a.publicId), a);
      assert.equal(ea.type, 'report.created');
      assert.equal(ea.reportId, a.publicId);
      assert.ok(Number.isInteger(ea.seq) && ea.seq > 0);
      assert.ok(eb.seq > ea.seq);
      assert.equal(await store.lastSeq(), eb.seq);
      assert.deepEqual(await store.getReportByClientId(a.clientId!), a);
    });

    it('refuses a second report with the same clientId (DuplicateClientIdError) and writes nothing of it', async () => {
      const first = makeReport();
      await insert(store, first);
      const seq = await store.lastSeq();
      const retry = makeReport({ clientId: first.clientId });

      const err = await assertRejects(insert(store, retry), DuplicateClientIdError);

      assert.equal(err.clientId, first.clientId);
      assert.equal(await store.getReport(retry.publicId), null);
      assert.equal(await store.lastSeq(), seq);
      assert.deepEqual(await store.eventsOfReport(retry.publicId), []);
    });

    it('lets many reports without clientId coexist', async () => {
      await insert(store, makeReport({ clientId: null }));
      await insert(store, makeReport({ clientId: null }));

      assert.equal((await store.listReports({ limit: 10 })).items.length, 2);
    });

    it('refuses a second report with the same public id or tracking-code hash (DuplicateCodeError) and writes nothing of it', async () => {
      const first = makeReport();
      await insert(store, first);
      const seq = await store.lastSeq();
      const sameHash = makeReport({ codeHash: first.codeHash });

      await assertRejects(insert(store, makeReport({ publicId: first.publicId })), DuplicateCodeError);
      await assertRejects(insert(store, sameHash), DuplicateCodeError);
      assert.equal((await store.getReport(first.publicId))?.clientId, first.clientId);
      assert.equal(await store.getReport(sameHash.publicId), null);
      assert.equal(await store.lastSeq(), seq);
    });

    it('finds a report by the hash of its tracking code, and nothing by an unknown hash', async () => {
      const report = makeReport();
      await insert(store, report);

      assert.deepEqual(await store.getReportByCodeHash(report.codeHash), report);
      assert.equal(await store.getReportByCodeHash(hashTrackingCode(generateTrackingCode())), null);
    });

    it('writes a change over the version read, with its event', async () => {
      const report = makeReport();
      await insert(store, report);

      const verified = await change(store, report, 'verified');

      assert.deepEqual(await store.getReport(report.publicId), verified);
      assert.deepEqual((await store.eventsOfReport(report.publicId)).map((e) => e.type), ['report.created', 'report.verified']);
    });

    it('refuses a change over a stale version (VersionConflictError): no report change, no event', async () => {
      const report = makeReport();
      await insert(store, report);
      const verified = await change(store, report, 'verified');
      const seq = await store.lastSeq();

      const err = await assertRejects(change(store, report, 'in_progress'), VersionConflictError);

      assert.equal(err.publicId, report.publicId);
      assert.deepEqual(await store.getReport(report.publicId), verified);
      assert.equal(await store.lastSeq(), seq);
      assert.equal((await store.eventsOfReport(report.publicId)).length, 2);
    });

    it('refuses an update of a report that does not exist', async () => {
      await assertRejects(change(store, makeReport(), 'verified'), VersionConflictError);
      assert.equal(await store.lastSeq(), 0);
    });

    it('gives 100 concurrent commits distinct, gap-free seqs', async () => {
      const reports = Array.from({ length: 100 }, () => makeReport());

      const events = await Promise.all(reports.map((r) => insert(store, r)));

      const seqs = events.map((e) => e.seq).sort((x, y) => x - y);
      assert.equal(new Set(seqs).size, 100);
      assert.deepEqual(seqs, Array.from({ length: 100 }, (_, i) => seqs[0] + i));
      assert.equal(await store.lastSeq(), seqs[99]);
      for (const r of reports) assert.equal((await store.getReport(r.publicId))?.publicId, r.publicId);
    });

    it('refuses one stale change among concurrent ones without undoing its neighbours or leaving a gap', async () => {
      const stale = makeReport();
      await insert(store, stale);
      await change(store, stale, 'verified');
      const before = await store.lastSeq();
      const others = Array.from({ length: 9 }, () => makeReport());

      const outcomes = await Promise.allSettled([...others.map((r) => insert(store, r)), change(store, stale, 'in_progress')]);

      assert.deepEqual(outcomes.map((o) => o.status), [...Array(9).fill('fulfilled'), 'rejected']);
      assert.ok((outcomes[9] as PromiseRejectedResult).reason instanceof VersionConflictError);
      const seqs = outcomes.slice(0, 9).map((o) => (o as PromiseFulfilledResult<{ seq: number }>).value.seq).sort((x, y) => x - y);
      assert.deepEqual(seqs, Array.from({ length: 9 }, (_, i) => before + 1 + i));
      assert.equal((await store.getReport(stale.publicId))?.status, 'verified');
    });
  });
}
