import assert from 'node:assert/strict';
import type { Store } from '../../../server/store/port.ts';
import { withCategory } from '../../helpers/fixtures.ts';
import { makeReport, insert, change, type ContractContext } from './fixtures.ts';

export function eventCases(t: ContractContext): void {
  describe('reading events', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    it('returns events after a seq, ascending, limited, filtered to rooms, each once', async () => {
      const road = makeReport({ agencyId: 'dpupr', kecamatan: '33.16.05' });
      const health = makeReport({ agencyId: 'dinkes', ...withCategory('kesehatan'), kecamatan: '33.16.01', desa: '33.16.01.2001' });
      const pupuk = makeReport({ agencyId: 'satgas-pupuk', ...withCategory('pupuk'), kecamatan: '33.16.05' });
      const e1 = await insert(store, road);
      const e2 = await insert(store, health);
      const e3 = await insert(store, pupuk);
      const e4 = (await store.eventsOfReport((await change(store, road, 'verified')).publicId))[1];

      const all = await store.eventsAfter(0, 100);
      const dpupr = await store.eventsAfter(0, 100, ['agency:dpupr']);
      const two = await store.eventsAfter(0, 100, ['agency:dpupr', 'agency:dinkes', 'all']);
      const cepu = await store.eventsAfter(e1.seq, 100, ['kecamatan:33.16.05']);
      const limited = await store.eventsAfter(0, 2);
      const none = await store.eventsAfter(0, 100, []);

      assert.deepEqual(all.map((e) => e.seq), [e1.seq, e2.seq, e3.seq, e4.seq]);
      assert.deepEqual(all[0], e1);
      assert.deepEqual(dpupr.map((e) => e.seq), [e1.seq, e4.seq]);
      assert.deepEqual(two.map((e) => e.seq), [e1.seq, e2.seq, e3.seq, e4.seq], 'an event in several of the rooms comes once');
      assert.deepEqual(cepu.map((e) => e.seq), [e3.seq, e4.seq]);
      assert.deepEqual(limited.map((e) => e.seq), [e1.seq, e2.seq]);
      assert.deepEqual(none, []);
    });

    it('returns the events of one report, in order', async () => {
      const a = makeReport();
      const b = makeReport();
      await insert(store, a);
      await insert(store, b);
      const verified = await change(store, a, 'verified');
      await change(store, verified, 'in_progress');

      const events = await store.eventsOfReport(a.publicId);

      assert.deepEqual(events.map((e) => e.type), ['report.created', 'report.verified', 'report.started']);
      assert.ok(events.every((e) => e.reportId === a.publicId));
      assert.deepEqual(await store.eventsOfReport('ZZZZZZZZ'), []);
    });
  });
}
