import assert from 'node:assert/strict';
import type { Report } from '../../../shared/types.ts';
import { answeredAtOf } from '../../../server/reports/answered-at.ts';
import { eventFor } from '../../../server/reports/events.ts';
import type { AggregateQuery, Store } from '../../../server/store/port.ts';
import { withCategory, type ReportOverrides } from '../../helpers/fixtures.ts';
import { makeReport, CITIZEN, commitOne, OFFICER, type ContractContext } from './fixtures.ts';

export function aggregateCases(t: ContractContext): void {
  describe('map and statistics: aggregateReports, scanReports', () => {
    let store: Store;
    beforeEach(() => { store = t.store; });

    // Fixed instants, so weeks and deadlines are known; no GPS point unless given.
    const fixed = (overrides: ReportOverrides = {}) => makeReport({
      createdAt: '2026-03-02T03:00:00.000Z', verifyDueAt: '2026-03-05T16:59:59.999Z', dueAt: '2026-03-05T16:59:59.999Z',
      lat: null, lng: null, ...overrides,
    });
    // The first answer time as the write path sets it (server/reports/answered-at.ts).
    const put = (given: Report, expectedVersion = 0, report = { ...given, answeredAt: given.answeredAt ?? answeredAtOf(given) }) => commitOne(store, {
      report, event: eventFor(report, expectedVersion ? 'report.noted' : 'report.created', expectedVersion ? OFFICER : CITIZEN), expectedVersion,
    });
    const NOW = '2026-03-10T00:00:00.000Z';

    // Weeks are the domain's (test/stats/weeks-and-medians.test.ts); the store groups by UTC hour.
    it('groups by the UTC hour of creation', async () => {
      await put(fixed({ createdAt: '2026-03-08T16:30:00.000Z' })); // Sun 8 Mar 23:30 WIB
      await put(fixed({ createdAt: '2026-03-08T16:59:59.999Z' }));
      await put(fixed({ createdAt: '2026-03-08T17:30:00.000Z' })); // Mon 9 Mar 00:30 WIB
      await put(fixed({ createdAt: '2026-03-15T10:00:00.000Z' })); // Sun 15 Mar 17:00 WIB
      const rows = await store.aggregateReports({ by: ['hour'], now: '2026-03-16T00:00:00.000Z' });
      assert.deepEqual(rows.map((r) => [r.key.hour, r.count]).sort(), [['2026-03-08T16', 2], ['2026-03-08T17', 1], ['2026-03-15T10', 1]]);
    });

    it('groups by several keys at once, overdue judged at the given instant, within a filter', async () => {
      await put(fixed({ kecamatan: '33.16.05', ...withCategory('jalan') }));
      await put(fixed({ kecamatan: '33.16.05', ...withCategory('pupuk'), agencyId: 'satgas-pupuk', dueAt: '2026-03-20T00:00:00.000Z' }));
      await put(fixed({ kecamatan: '33.16.09', ...withCategory('jalan'), status: 'resolved', dueAt: null }));
      const rows = await store.aggregateReports({ by: ['kecamatan', 'overdue'], now: NOW });
      const flat = rows.map((r) => `${r.key.kecamatan}/${r.key.overdue}=${r.count}`).sort();
      assert.deepEqual(flat, ['33.16.05/false=1', '33.16.05/true=1', '33.16.09/false=1']);
      const jalan = await store.aggregateReports({ by: ['status'], categories: ['jalan'], agencyIds: ['dpupr'], now: NOW });
      assert.deepEqual(jalan.map((r) => [r.key.status, r.count]).sort(), [['new', 1], ['resolved', 1]]);
      assert.deepEqual(await store.aggregateReports({ by: ['status'], agencyIds: [], now: NOW }), []);
    });

    it('counts all filtered reports in one row without keys, and gives no row when none match', async () => {
      await put(fixed({ createdAt: '2026-03-01T00:00:00.000Z', status: 'new' }));
      await put(fixed({ createdAt: '2026-03-02T00:00:00.000Z', status: 'verified', kecamatan: '33.16.01', desa: '33.16.01.2001' }));
      await put(fixed({ createdAt: '2026-03-03T00:00:00.000Z', status: 'resolved', dueAt: null, ...withCategory('kesehatan'), agencyId: 'dinkes' }));
      const count = async (filter: Omit<AggregateQuery, 'by' | 'now'>) => (await store.aggregateReports({ ...filter, by: [], now: NOW })).map((r) => [r.key, r.count]);

      assert.deepEqual(await count({}), [[{}, 3]]);
      assert.deepEqual(await count({ createdFrom: '2026-03-02T00:00:00.000Z' }), [[{}, 2]], 'createdFrom is inclusive');
      assert.deepEqual(await count({ createdBefore: '2026-03-02T00:00:00.000Z' }), [[{}, 1]], 'createdBefore is exclusive');
      assert.deepEqual(await count({ statuses: ['new', 'resolved'], categories: ['jalan', 'kesehatan'] }), [[{}, 2]]);
      assert.deepEqual(await count({ statuses: [], categories: [] }), [[{}, 3]], 'empty status and category lists do not narrow');
      assert.deepEqual(await count({ kecamatan: '33.16.01' }), [[{}, 1]]);
      assert.deepEqual(await count({ desa: '33.16.01.2001' }), [[{}, 1]]);
      assert.deepEqual(await count({ confidential: false }), [[{}, 3]]);
      assert.deepEqual(await count({ confidential: true }), [], 'none is confidential');
      assert.deepEqual(await count({ overdueAt: NOW }), [[{}, 2]], 'a null dueAt is never overdue');
      assert.deepEqual(await count({ overdueAt: '2026-03-05T16:59:59.999Z' }), [], 'dueAt must be before the instant');
      const twice = await store.aggregateReports({ by: ['agencyId', 'agencyId'], now: NOW });
      assert.deepEqual(twice.map((r) => [r.key, r.count]).sort(), [[{ agencyId: 'dinkes' }, 1], [{ agencyId: 'dpupr' }, 2]]);
    });

    it('scans minimal rows inside a bbox, newest first, with pupuk facts on request', async () => {
      await put(fixed({ createdAt: '2026-03-02T03:00:00.000Z', lat: -7.16, lng: 111.56 }));
      await put(fixed({
        createdAt: '2026-03-03T03:00:00.000Z', lat: -7.17, lng: 111.57, category: 'pupuk', agencyId: 'satgas-pupuk', confidential: true,
        details: { fertiliserType: 'urea', problems: ['stok_kosong', 'dipaketkan'], kioskName: 'Kios A', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700 },
      }));
      await put(fixed({ createdAt: '2026-03-04T03:00:00.000Z' })); // no point
      const rows = await store.scanReports({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10, withPupuk: true });
      assert.equal(rows.length, 2);
      assert.equal(rows[0].category, 'pupuk');
      assert.equal(rows[0].confidential, true);
      assert.deepEqual(rows[0].pupuk, { kioskName: 'Kios A', fertiliserType: 'urea', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700, problems: ['stok_kosong', 'dipaketkan'] });
      assert.equal(rows[1].pupuk, null);
      assert.equal((await store.scanReports({ limit: 10 }))[0].pupuk, undefined);
      // A kecamatan's pins: only the reports with a point, newest first.
      const kecamatan = rows[0].kecamatan;
      const located = await store.scanReports({ kecamatan, categories: ['jalan'], located: true, limit: 10 });
      assert.deepEqual(located.map((r) => r.publicId), [rows[1].publicId]);
      assert.equal((await store.scanReports({ kecamatan, categories: ['jalan'], limit: 10 })).length, 2, 'without located, the report with no point too');
      assert.deepEqual(await store.scanPoints({ kecamatan, categories: ['jalan'], limit: 10 }), [{
        publicId: rows[1].publicId, category: 'jalan', status: rows[1].status, lat: -7.16, lng: 111.56, confidential: false, createdAt: '2026-03-02T03:00:00.000Z',
      }]);
      assert.deepEqual((await store.scanPoints({ limit: 10 })).map((p) => p.publicId), rows.map((r) => r.publicId), 'every point, newest first');
    });

    it('scans every fact of a report, with the bbox edges included, a long description cut, and ties by public id', async () => {
      const long = `${'Jalan rusak parah. '.repeat(10)}Mohon segera diperbaiki.`;
      const a = fixed({ publicId: 'AAAAAAAA', lat: -7.2, lng: 111.5, description: long, status: 'verified', verifiedAt: '2026-03-02T05:00:00.000Z' });
      const b = fixed({ publicId: 'BBBBBBBB', lat: -7.1, lng: 111.6, description: 'Pendek.' });
      const outside = fixed({ publicId: 'CCCCCCCC', lat: -7.1, lng: 111.61 });
      for (const r of [a, b, outside]) await put(r);

      const rows = await store.scanReports({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10 });

      assert.deepEqual(rows.map((r) => r.publicId), [b.publicId, a.publicId], 'same createdAt: code descending');
      assert.deepEqual(rows[1], {
        publicId: a.publicId, category: 'jalan', agencyId: 'dpupr', status: 'verified', kecamatan: a.kecamatan, desa: a.desa, lat: -7.2, lng: 111.5,
        confidential: false, excerpt: `${long.slice(0, 139)}…`, createdAt: a.createdAt, verifiedAt: '2026-03-02T05:00:00.000Z', resolvedAt: null,
        answeredAt: '2026-03-02T05:00:00.000Z', verifyDueAt: a.verifyDueAt, dueAt: a.dueAt,
      });
      assert.equal(rows[0].excerpt, 'Pendek.');
      assert.deepEqual((await store.scanReports({ limit: 1 })).map((r) => r.publicId), [outside.publicId]);
      // The clustered map's pins: the same points, edges included, and nothing outside the box.
      const pins = await store.scanPoints({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10 });
      assert.deepEqual(pins.map((p) => [p.publicId, p.lng, p.lat]), rows.map((r) => [r.publicId, r.lng, r.lat]));
    });

    // Which answer time counts (the first, kept through a reopen) is the write path's rule
    // (test/reports/answered-at.test.ts); the store keeps and counts the one it is given.
    it('keeps the answer time it is given, in the facts and in the report read back', async () => {
      const report = fixed();
      await put(report);
      const reopened = { ...report, status: 'in_progress' as const, answeredAt: '2026-03-03T03:00:00.000Z', version: 2 };
      await put(reopened, 1);
      const [row] = await store.scanReports({ limit: 1 });
      assert.equal(row.answeredAt, '2026-03-03T03:00:00.000Z');
      assert.equal(row.resolvedAt, null);
      assert.deepEqual(await store.getReport(report.publicId), reopened);
    });
  });
}
