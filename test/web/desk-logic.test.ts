// The desk client's pure parts, in Node: exactly-once event delivery across live and sync,
// and how a live event moves a report into or out of the filtered queue.
import assert from 'node:assert/strict';
import { DEFAULT_FILTERS, matches } from '../../client/desk/filters.ts';
import { QueueState } from '../../client/desk/queue-state.ts';
import { SeqGate } from '../../client/desk/seq-gate.ts';
import type { DeskUser } from '../../shared/desk.ts';
import type { DeskEventPayload } from '../../shared/realtime.ts';
import type { ReportSummary } from '../../shared/types.ts';

function summary(over: Partial<ReportSummary> = {}): ReportSummary {
  return {
    publicId: 'AAAABBBB', category: 'pupuk', agencyId: 'satgas-pupuk', status: 'new', kecamatan: '33.16.05', desa: '33.16.05.2001',
    excerpt: 'Urea dijual di atas HET', confidential: true, anonymous: false, photoCount: 0, supportCount: 0, assigneeId: null,
    createdAt: '2026-11-27T01:00:00.000Z', updatedAt: '2026-11-27T01:00:00.000Z', dueAt: '2099-01-01T00:00:00.000Z', ...over,
  };
}

const event = (seq: number, over: Partial<ReportSummary> = {}): DeskEventPayload => ({ seq, type: 'report.created', report: summary({ publicId: `SEQ${seq}AAAA`, ...over }), previous: null });

const officer: DeskUser = { id: 'u1', username: 'pupuk1', name: 'Pak pupuk1', role: 'officer', agencyId: 'satgas-pupuk', kecamatan: null, agencyIds: ['satgas-pupuk'], mustChangePassword: false };

describe('desk client logic', () => {
  it('an event delivered live, again live, and again in a sync answer is applied once', () => {
    const applied: number[] = [];
    const gate = new SeqGate(10, (events) => applied.push(...events.map((e) => e.seq)));
    gate.live(event(11));
    gate.live(event(11));
    gate.beginSync();
    gate.synced([event(11), event(12)]);
    gate.endSync();
    assert.deepEqual(applied, [11, 12]);
    assert.equal(gate.lastSeq(), 12);
  });

  it('live events that arrive during a sync wait for it, so older synced events are not lost', () => {
    const applied: number[] = [];
    const gate = new SeqGate(10, (events) => applied.push(...events.map((e) => e.seq)));
    gate.beginSync();
    gate.live(event(14)); // newer than what the sync is about to bring
    gate.synced([event(11), event(12), event(13)]);
    gate.live(event(15));
    assert.deepEqual(applied, [11, 12, 13]);
    gate.endSync();
    assert.deepEqual(applied, [11, 12, 13, 14, 15]);
  });

  it('a second sync started before the first ended keeps holding live events until both are done', () => {
    const applied: number[] = [];
    const gate = new SeqGate(0, (events) => applied.push(...events.map((e) => e.seq)));
    gate.beginSync();
    gate.beginSync();
    gate.live(event(3));
    gate.endSync();
    assert.deepEqual(applied, []);
    gate.synced([event(1), event(2)]);
    gate.endSync();
    assert.deepEqual(applied, [1, 2, 3]);
  });

  it('a live change adds, updates or removes a report by the filters and the desk scope', () => {
    const state = new QueueState();
    const open = { ...DEFAULT_FILTERS };
    assert.equal(state.apply(summary(), open, officer), 'added');
    assert.equal(state.apply(summary({ status: 'verified' }), open, officer), 'updated');
    assert.equal(state.apply(summary({ status: 'resolved' }), open, officer), 'removed', 'closed reports leave the open queue');
    assert.equal(state.apply(summary({ publicId: 'DDDDEEEE', agencyId: 'dpupr' }), open, officer), 'none', 'another agency');
    state.apply(summary(), open, officer);
    state.unread.add('AAAABBBB');
    assert.equal(state.apply(summary({ agencyId: 'dpupr' }), open, officer), 'removed', 'forwarded away');
    assert.equal(state.unread.size, 0);
  });

  it('the search matches a code typed without dashes or the excerpt, and the overdue filter follows the deadline', () => {
    assert.ok(matches({ ...DEFAULT_FILTERS, q: 'aaaabbbb' }, summary()));
    assert.ok(matches({ ...DEFAULT_FILTERS, q: 'di atas het' }, summary()));
    assert.ok(!matches({ ...DEFAULT_FILTERS, q: '---' }, summary()));
    assert.ok(!matches({ ...DEFAULT_FILTERS, overdue: true }, summary()));
    assert.ok(matches({ ...DEFAULT_FILTERS, overdue: true }, summary({ dueAt: '2020-01-01T00:00:00.000Z' })));
    assert.ok(!matches({ ...DEFAULT_FILTERS, category: 'jalan' }, summary()));
  });
});
