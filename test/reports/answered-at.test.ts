// "First answer time" is the write path's rule (server/reports/answered-at.ts), once for every store.
import assert from 'node:assert/strict';
import { firstAnswerAt } from '../../server/reports/answered-at.ts';
import { makeReport } from '../store/contract.ts';

describe('the first answer time', () => {
  const open = makeReport({ status: 'new', answeredAt: null });

  it('is unset while a report is unanswered', () => {
    assert.equal(firstAnswerAt(null, open), null);
    assert.equal(firstAnswerAt(open, { ...open, status: 'new', updatedAt: '2026-03-04T00:00:00.000Z' }), null);
  });

  it('is the verification, or the closing time of a report closed unverified', () => {
    assert.equal(firstAnswerAt(open, { ...open, status: 'verified', verifiedAt: '2026-03-03T03:00:00.000Z' }), '2026-03-03T03:00:00.000Z');
    assert.equal(firstAnswerAt(open, { ...open, status: 'rejected', updatedAt: '2026-03-03T05:00:00.000Z' }), '2026-03-03T05:00:00.000Z');
    assert.equal(firstAnswerAt(open, { ...open, status: 'resolved', resolvedAt: '2026-03-03T06:00:00.000Z' }), '2026-03-03T06:00:00.000Z');
  });

  it('stays the first one: a reopen clears resolvedAt, a later change moves updatedAt, neither moves it', () => {
    const resolved = { ...open, status: 'resolved' as const, resolvedAt: '2026-03-03T03:00:00.000Z', answeredAt: '2026-03-03T03:00:00.000Z' };
    assert.equal(firstAnswerAt(resolved, { ...resolved, status: 'in_progress', resolvedAt: null }), '2026-03-03T03:00:00.000Z');
    const rejected = { ...open, status: 'rejected' as const, answeredAt: '2026-03-03T05:00:00.000Z' };
    assert.equal(firstAnswerAt(rejected, { ...rejected, updatedAt: '2026-03-09T05:00:00.000Z' }), '2026-03-03T05:00:00.000Z');
  });
});
