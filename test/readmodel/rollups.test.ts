// Which counter rows a read sums: the smallest rollup that keeps what it filters and groups by.
// (That the answers are the same is the store contract's property, on every adapter.)
import assert from 'node:assert/strict';
import { bucketsCovering } from '../../server/readmodel/buckets.ts';
import { COUNT, DUE, KIOSK, KIOSK_SPELLING, ON_TIME, PRICED, VERIFY_HOURS } from '../../server/readmodel/names.ts';
import { narrowest, rollupsOf } from '../../server/readmodel/rollups.ts';
import type { ReadModelDelta, ReadModelQuery } from '../../server/store/port.ts';

const ALL = [{ grain: 'all' as const, bucket: '' }];
const grainOf = (q: ReadModelQuery) => [...new Set(narrowest(q).buckets.map((b) => b.grain))];

describe('read model rollups', () => {
  it('answers the panels and the map from rows with only the dimensions they use', () => {
    assert.deepEqual(grainOf({ buckets: ALL, names: [ON_TIME], prefixes: [VERIFY_HOURS], by: ['agencyId'] }), ['all/ap']);
    assert.deepEqual(grainOf({ buckets: ALL, names: [COUNT], by: ['agencyId', 'status'], agencyIds: ['dpupr'] }), ['all/as']);
    assert.deepEqual(grainOf({ buckets: ALL, names: [COUNT], by: ['kecamatan', 'agencyId'] }), ['all/ak']);
    assert.deepEqual(grainOf({ buckets: ALL, prefixes: [KIOSK, PRICED], by: [], categories: ['pupuk'] }), ['all/ac']);
    assert.deepEqual(grainOf({ buckets: ALL, names: [`${KIOSK}kios makmur`], by: ['kecamatan'], categories: ['pupuk'] }), ['all/akc']);
    assert.deepEqual(grainOf({ buckets: bucketsCovering('2026-01-20', '2026-03-10', '2000-01-01'), names: [COUNT], by: ['kecamatan', 'status'] }), ['d/aks', 'm/aks']);
    assert.deepEqual(grainOf({ buckets: [{ grain: 'w', bucket: '2026-03-02' }], names: [COUNT], by: ['bucket', 'category', 'status'] }), ['w/acs']);
    assert.deepEqual(grainOf({ buckets: [{ grain: 'dy', bucket: '2025' }, { grain: 'dm', bucket: '2026-03' }], names: [DUE], by: ['kecamatan'] }), ['dy/ak', 'dm/ak']);
  });

  it('reads the full rows when no rollup keeps a dimension asked for', () => {
    // The public pages filter out confidential reports: no rollup keeps confidentiality.
    assert.deepEqual(grainOf({ buckets: ALL, names: [COUNT], by: ['kecamatan'], confidential: false }), ['all']);
    // Kiosk spellings and desa counters are kept in full rows only.
    assert.deepEqual(grainOf({ buckets: ALL, prefixes: [`${KIOSK_SPELLING}kios makmur|`], by: [] }), ['all']);
    assert.deepEqual(grainOf({ buckets: ALL, names: [COUNT], by: ['kecamatan', 'category', 'status'] }), ['all']);
  });

  it('blanks the dimensions a rollup drops', () => {
    const delta: ReadModelDelta = { kind: 'readmodel', grain: 'm', bucket: '2026-03', name: COUNT, value: 1, agencyId: 'dpupr', kecamatan: '33.16.05', category: 'jalan', status: 'new', confidential: true };
    const rows = rollupsOf(delta);
    assert.deepEqual(rows.find((r) => r.grain === 'm/as'), { ...delta, grain: 'm/as', kecamatan: '', category: '', confidential: false });
    assert.deepEqual(rows.find((r) => r.grain === 'm/akc'), { ...delta, grain: 'm/akc', status: '', confidential: false });
    assert.equal(rollupsOf({ ...delta, grain: 'w' }).map((r) => r.grain).join(), 'w/acs');
  });
});
