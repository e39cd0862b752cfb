// The live map by deltas: what one event does to the kecamatan counts a map shows.
import assert from 'node:assert/strict';
import { applyEvent } from '../../client/map/live-delta.ts';
import type { KecamatanGroup, MapFilters } from '../../shared/map.ts';
import type { DeskEventPayload } from '../../shared/realtime.ts';
import type { ReportSummary } from '../../shared/types.ts';

const NONE: MapFilters = { categories: [], statuses: [], overdue: false };

function groups(): Map<string, KecamatanGroup> {
  return new Map([['33.16.05', {
    code: '33.16.05', name: 'Cepu', centroid: null, total: 2, overdue: 1,
    byCategory: { jalan: 2 }, byStatus: { new: 2 }, byAgency: { dpupr: 2 },
  }]]);
}

function event(type: DeskEventPayload['type'], report: Partial<ReportSummary>, previous: DeskEventPayload['previous']): DeskEventPayload {
  const summary: ReportSummary = {
    publicId: 'AAAABBBB', category: 'jalan', agencyId: 'dpupr', status: 'new', kecamatan: '33.16.05', desa: '33.16.05.2001', excerpt: '',
    confidential: false, anonymous: false, photoCount: 0, supportCount: 0, assigneeId: null, createdAt: '', updatedAt: '', dueAt: null, ...report,
  };
  return { seq: 1, type, report: summary, previous };
}

describe('live map deltas', () => {
  it('a new report adds one to its kecamatan, category, status and agency', () => {
    const g = groups();
    assert.equal(applyEvent(g, event('report.created', { category: 'pupuk', agencyId: 'satgas-pupuk' }, null), NONE), true);
    assert.deepEqual(g.get('33.16.05'), {
      code: '33.16.05', name: 'Cepu', centroid: null, total: 3, overdue: 1,
      byCategory: { jalan: 2, pupuk: 1 }, byStatus: { new: 3 }, byAgency: { dpupr: 2, 'satgas-pupuk': 1 },
    });
  });

  it('a status change moves one report between statuses; a forward between agencies', () => {
    const g = groups();
    applyEvent(g, event('report.verified', { status: 'verified' }, { status: 'new', agencyId: 'dpupr' }), NONE);
    applyEvent(g, event('report.forwarded', { status: 'verified', agencyId: 'dinkes' }, { status: 'verified', agencyId: 'dpupr' }), NONE);
    const cepu = g.get('33.16.05')!;
    assert.deepEqual([cepu.total, cepu.byStatus, cepu.byAgency], [2, { new: 1, verified: 1 }, { dpupr: 1, dinkes: 1 }]);
  });

  it('a report leaving the filtered status, or an officer\'s agency, leaves the counts', () => {
    const g = groups();
    applyEvent(g, event('report.verified', { status: 'verified' }, { status: 'new', agencyId: 'dpupr' }), { ...NONE, statuses: ['new'] });
    assert.equal(g.get('33.16.05')!.total, 1);
    applyEvent(g, event('report.forwarded', { agencyId: 'dinkes' }, { status: 'new', agencyId: 'dpupr' }), NONE, { agencyIds: ['dpupr'] });
    assert.deepEqual([g.get('33.16.05')!.total, g.get('33.16.05')!.byAgency], [0, {}]);
  });

  it('says when only a refetch can tell: date or overdue filters, an event without its previous state', () => {
    const g = groups();
    assert.equal(applyEvent(g, event('report.created', {}, null), { ...NONE, overdue: true }), false);
    assert.equal(applyEvent(g, event('report.created', {}, null), { ...NONE, from: '2026-01-01' }), false);
    assert.equal(applyEvent(g, event('report.verified', { status: 'verified' }, null), NONE), false);
    assert.equal(g.get('33.16.05')!.total, 2, 'nothing was guessed');
  });
});
