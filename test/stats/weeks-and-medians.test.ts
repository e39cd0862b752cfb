// The rules the statistics apply above the store, written once for every adapter: which WIB
// day, week and month a report is counted in, which buckets answer a date range, and how a
// median is read from an hour-bucket histogram.
import assert from 'node:assert/strict';
import { bucketsCovering, createdBuckets } from '../../server/readmodel/buckets.ts';
import { hourBucketOf, medianOfHistogram } from '../../server/readmodel/hours.ts';

const histogram = (hours: number[]) => {
  const h = new Map<number, number>();
  for (const x of hours) h.set(hourBucketOf(x), (h.get(hourBucketOf(x)) ?? 0) + 1);
  return h;
};

describe('statistics rules above the store', () => {
  it('counts a report in its WIB day, week and month: Sunday 23:xx WIB is the old week, Monday 00:xx WIB the new one', () => {
    assert.deepEqual(createdBuckets('2026-03-08T16:59:00.000Z').week, { grain: 'w', bucket: '2026-03-02' });
    assert.deepEqual(createdBuckets('2026-03-08T17:00:00.000Z').week, { grain: 'w', bucket: '2026-03-09' });
    assert.deepEqual(createdBuckets('2026-02-28T17:30:00.000Z').month, { grain: 'm', bucket: '2026-03' }, '1 March 00:30 WIB');
    assert.deepEqual(createdBuckets('2026-02-28T17:30:00.000Z').day, { grain: 'd', bucket: '2026-03-01' });
  });

  it('answers a date range with whole months and the days at either end, exactly once each', () => {
    assert.deepEqual(bucketsCovering('2026-01-30', '2026-03-02', '2000-01-01').map((b) => b.bucket),
      ['2026-01-30', '2026-01-31', '2026-02', '2026-03-01', '2026-03-02']);
    assert.deepEqual(bucketsCovering('2026-02-01', '2026-02-28', '2000-01-01'), [{ grain: 'm', bucket: '2026-02' }]);
    assert.deepEqual(bucketsCovering(undefined, undefined, '2000-01-01'), [{ grain: 'all', bucket: '' }]);
    assert.equal(bucketsCovering('2026-03-05', '2026-03-04', '2000-01-01').length, 0, 'an empty range reads nothing');
    // Deadlines before today: whole years where the grains have them.
    assert.deepEqual(bucketsCovering('2023-11-30', '2026-02-02', '2000-01-01', { year: 'dy', month: 'dm', day: 'dd' }).map((b) => `${b.grain}:${b.bucket}`),
      ['dd:2023-11-30', 'dm:2023-12', 'dy:2024', 'dy:2025', 'dm:2026-01', 'dd:2026-02-01', 'dd:2026-02-02']);
  });

  it('reads the median inside the bucket holding the middle report, interpolated; exact at bucket edges', () => {
    assert.equal(medianOfHistogram(new Map()), null);
    assert.equal(medianOfHistogram(histogram([5, 10, 20, 40, 90])), 20.5, 'the middle one sits in [20, 21)');
    assert.equal(medianOfHistogram(histogram([10.2, 10.7])), 10.5, 'both in [10, 11): the median reads as the middle of the bucket');
    assert.equal(medianOfHistogram(histogram([1, 3])), 2, 'half the reports below 2 h');
    assert.equal(medianOfHistogram(histogram([50])), 51, 'one report in [48, 54) reads as its middle');
    assert.equal(medianOfHistogram(histogram([10_000])), 8760, 'the open last bucket reads as its lower edge');
  });
});
