// The read model's counters as an adapter keeps them: after any sequence of submissions and desk
// actions (each change committed with the delta the write path derives), every sum the map and
// panels read equals a full recount of the stored reports; a rebuild gives the same numbers.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CategoryDetails, CategoryId, Report, ReportStatus } from '../../../shared/types.ts';
import { withCategory } from '../../helpers/fixtures.ts';
import { eventFor } from '../../../server/reports/events.ts';
import { countersOfReport, reportDelta } from '../../../server/readmodel/counters.ts';
import { COUNT, DESA, DUE, KIOSK, PRICE_SUM, VERIFY_HOURS } from '../../../server/readmodel/names.ts';
import { narrowest } from '../../../server/readmodel/rollups.ts';
import { sumCounters } from '../../../server/readmodel/read.ts';
import { bucketsCovering } from '../../../server/readmodel/buckets.ts';
import type { ReadModelQuery, ReadModelRow, Store } from '../../../server/store/port.ts';
import { CITIZEN, commitOne, makeReport, OFFICER, type ContractContext } from './fixtures.ts';

const KECAMATAN = [['33.16.05', '33.16.05.2001'], ['33.16.09', '33.16.09.1001'], ['33.16.12', '33.16.12.2003']] as const;
const CATEGORY_AGENCY: [CategoryId, string][] = [['pupuk', 'satgas-pupuk'], ['jalan', 'dpupr'], ['kesehatan', 'dinkes']];
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-28T02:00:00Z');

type Step =
  | { kind: 'submit'; place: number; category: number; confidential: boolean; hoursAfter: number; kiosk: string | null; price: number | null }
  | { kind: 'act'; pick: number; action: 'verify' | 'start' | 'resolve' | 'reject' | 'forward' | 'reopen' | 'note'; hours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const), place: fc.nat(2), category: fc.nat(2), confidential: fc.boolean(),
    // Spread over about six weeks, across a month's end, so day, week and month rows all matter.
    hoursAfter: fc.integer({ min: 0, max: 1000 }),
    kiosk: fc.option(fc.constantFrom('Kios Makmur', 'kios  makmur', 'Kios Lancar'), { nil: null }),
    price: fc.option(fc.integer({ min: 1500, max: 3500 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('act' as const), pick: fc.nat(),
    action: fc.constantFrom('verify' as const, 'start' as const, 'resolve' as const, 'reject' as const, 'forward' as const, 'reopen' as const, 'note' as const),
    hours: fc.integer({ min: 1, max: 400 }),
  }),
);

/** The next report a desk action makes (as server/desk/actions.ts shapes it), or null where the status forbids it. */
function acted(report: Report, action: Extract<Step, { kind: 'act' }>['action'], hours: number): Report | null {
  const at = new Date(Date.parse(report.updatedAt) + hours * HOUR).toISOString();
  const next: Report = { ...report, updatedAt: at, version: report.version + 1 };
  const open = (s: ReportStatus) => s === 'new' || s === 'verified' || s === 'in_progress';
  const due = new Date(Date.parse(at) + 120 * HOUR).toISOString();
  switch (action) {
    case 'verify': return report.status === 'new' ? { ...next, status: 'verified', verifiedAt: at, followUpDueAt: due, dueAt: due } : null;
    case 'start': return open(report.status) && report.status !== 'in_progress' ? { ...next, status: 'in_progress', verifiedAt: report.verifiedAt ?? at, dueAt: report.followUpDueAt ?? due } : null;
    case 'resolve': return open(report.status) ? { ...next, status: 'resolved', verifiedAt: report.verifiedAt ?? at, resolvedAt: at, dueAt: null } : null;
    case 'reject': return open(report.status) ? { ...next, status: 'rejected', dueAt: null } : null;
    case 'forward': return open(report.status) ? { ...next, agencyId: report.agencyId === 'dinkes' ? 'dpupr' : 'dinkes' } : null;
    case 'reopen': return report.status === 'resolved' ? { ...next, status: 'in_progress', resolvedAt: null, dueAt: due } : null;
    case 'note': return next;
  }
}

async function commit(store: Store, before: Report | null, after: Report): Promise<void> {
  const event = eventFor(after, before ? 'report.noted' : 'report.created', before ? OFFICER : CITIZEN, {}, [], before);
  await commitOne(store, { report: after, event, expectedVersion: before?.version ?? 0, derived: reportDelta(before, after) });
}

async function allReports(store: Store): Promise<Report[]> {
  return (await store.listReports({ limit: 100_000 })).items;
}

function sorted(rows: ReadModelRow[]): string[] {
  return rows.map((r) => JSON.stringify([Object.entries(r.key).sort(), r.name, r.value])).sort();
}

/** The sums the map, the panels and the overdue counts read, over every dimension. */
const QUERIES: ReadModelQuery[] = [
  { buckets: [{ grain: 'all', bucket: '' }], names: [COUNT], by: ['kecamatan', 'category', 'status', 'agencyId'] },
  { buckets: [{ grain: 'all', bucket: '' }], prefixes: ['a', 'd', 'k', 'n', 'o', 'p', 'r', 'v'], by: ['agencyId', 'status', 'confidential'] },
  { buckets: [{ grain: 'all', bucket: '' }], names: [COUNT, 'answered', 'on_time'], prefixes: [VERIFY_HOURS, 'rh:'], by: ['agencyId', 'status', 'category'] },
  // The reads a rollup answers (server/readmodel/rollups.ts): the panels and the map.
  { buckets: [{ grain: 'all', bucket: '' }], names: ['answered', 'on_time'], prefixes: [VERIFY_HOURS, 'rh:'], by: ['agencyId'] },
  { buckets: bucketsCovering('2026-01-20', '2026-03-10', '2000-01-01'), names: [COUNT], by: ['agencyId', 'status'], agencyIds: ['dpupr'] },
  { buckets: [{ grain: 'all', bucket: '' }], names: [COUNT], by: ['kecamatan', 'agencyId'] },
  { buckets: [{ grain: 'all', bucket: '' }], names: [COUNT], prefixes: [KIOSK, PRICE_SUM], by: ['kecamatan'], categories: ['pupuk'] },
  { buckets: bucketsCovering('2026-02-01', '2026-03-03', '2000-01-01'), names: [COUNT], by: ['kecamatan', 'status'], statuses: ['new', 'verified'] },
  { buckets: bucketsCovering('2000-01-01', '2026-03-01', '2000-01-01', { year: 'dy', month: 'dm', day: 'dd' }), names: [DUE], by: ['kecamatan'], agencyIds: ['satgas-pupuk', 'dpupr'] },
  { buckets: bucketsCovering('2026-01-20', '2026-03-10', '2000-01-01'), prefixes: [VERIFY_HOURS, KIOSK, PRICE_SUM], names: [COUNT], by: ['kecamatan', 'bucket'] },
  { buckets: bucketsCovering('2026-02-01', '2026-02-28', '2000-01-01'), names: [COUNT], by: ['category'], agencyIds: ['dpupr', 'dinkes'], confidential: false },
  { buckets: Array.from({ length: 8 }, (_, i) => ({ grain: 'w' as const, bucket: new Date(Date.parse('2026-01-26') + i * 7 * 86_400_000).toISOString().slice(0, 10) })), names: [COUNT], by: ['bucket', 'category', 'status'] },
  { buckets: bucketsCovering('2026-01-01', '2026-06-30', '2000-01-01', { month: 'dm', day: 'dd' }), names: [DUE], by: ['kecamatan', 'agencyId'] },
  // The open data's monthly counts per desa (server/opendata/counts.ts).
  { buckets: ['2026-01', '2026-02', '2026-03'].map((bucket) => ({ grain: 'm' as const, bucket })), prefixes: [DESA], by: ['bucket', 'kecamatan', 'category', 'status'] },
];

async function assertKeptEqualsRecount(store: Store): Promise<void> {
  const counted = (await allReports(store)).flatMap(countersOfReport);
  for (const query of QUERIES) {
    const recounted = sorted(sumCounters(counted, query));
    assert.deepEqual(sorted(await store.sumReadModel(query)), recounted, JSON.stringify(query.by));
    assert.deepEqual(sorted(await store.sumReadModel(narrowest(query))), recounted, `${JSON.stringify(query.by)} from ${narrowest(query).buckets[0].grain}`);
  }
}

export function readModelCases(t: ContractContext): void {
  describe('read model counters', () => {
    it('after any sequence of submissions and desk actions, keeps exactly what a full recount gives, and a rebuild agrees', async function () {
      this.timeout(120_000);
      await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const mine: Report[] = [];
        for (const s of steps) {
          if (s.kind === 'submit') {
            const [kecamatan, desa] = KECAMATAN[s.place];
            const [category, agencyId] = CATEGORY_AGENCY[s.category];
            const createdAt = new Date(T0 + s.hoursAfter * HOUR).toISOString();
            const kind: CategoryDetails = category === 'pupuk'
              ? { category, details: { fertiliserType: 'urea', problems: ['stok_kosong'], ...(s.kiosk ? { kioskName: s.kiosk } : {}), ...(s.price ? { pricePerKg: s.price, hetPerKg: 2250, overHetPerKg: Math.max(0, s.price - 2250) } : {}) } }
              : withCategory(category);
            const report = makeReport({
              ...kind, agencyId, kecamatan, desa, confidential: s.confidential, createdAt,
              verifyDueAt: new Date(T0 + (s.hoursAfter + 72) * HOUR).toISOString(), dueAt: new Date(T0 + (s.hoursAfter + 72) * HOUR).toISOString(),
            });
            await commit(t.store, null, report);
            mine.push(report);
          } else if (mine.length) {
            const i = s.pick % mine.length;
            const next = acted(mine[i], s.action, s.hours);
            if (!next) continue;
            await commit(t.store, mine[i], next);
            mine[i] = next;
          }
        }
        await assertKeptEqualsRecount(t.store);
      }), { seed: 13, numRuns: 12 });

      const before = await Promise.all(QUERIES.map((q) => t.store.sumReadModel(q)));
      const { reports } = await t.store.rebuildReadModel(countersOfReport);
      assert.equal(reports, (await allReports(t.store)).length);
      assert.deepEqual((await Promise.all(QUERIES.map((q) => t.store.sumReadModel(q)))).map(sorted), before.map(sorted));
    });

    it('counts commits that arrive together exactly once, and none of one refused among them', async () => {
      const kept = makeReport({ createdAt: '2026-02-05T03:00:00.000Z' });
      await commit(t.store, null, kept);
      const verified: Report = { ...kept, status: 'verified', verifiedAt: '2026-02-05T05:00:00.000Z', updatedAt: '2026-02-05T05:00:00.000Z', version: 2 };
      await commit(t.store, kept, verified);
      const arriving = Array.from({ length: 12 }, (_, i) => makeReport({ createdAt: `2026-02-05T0${i % 8}:00:00.000Z`, confidential: i % 3 === 0 }));
      // Sent in one tick, so an adapter that groups commits groups these: a stale desk action
      // (it read version 1) and a second copy of the first report are refused in the middle.
      const stale: Report = { ...kept, status: 'rejected', dueAt: null, updatedAt: '2026-02-05T06:00:00.000Z', version: 2 };
      const outcomes = await Promise.allSettled([
        ...arriving.slice(0, 6).map((r) => commit(t.store, null, r)),
        commit(t.store, kept, stale),
        commit(t.store, null, arriving[0]),
        ...arriving.slice(6).map((r) => commit(t.store, null, r)),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status), [...Array(6).fill('fulfilled'), 'rejected', 'rejected', ...Array(6).fill('fulfilled')]);
      await assertKeptEqualsRecount(t.store);
    });

    it('leaves out sums of zero and honours every filter', async () => {
      const report = makeReport({ createdAt: '2026-02-03T03:00:00.000Z' });
      await commit(t.store, null, report);
      const rejected: Report = { ...report, status: 'rejected', dueAt: null, updatedAt: '2026-02-04T03:00:00.000Z', version: 2 };
      await commit(t.store, report, rejected);
      const all = [{ grain: 'all' as const, bucket: '' }];
      assert.deepEqual(await t.store.sumReadModel({ buckets: all, names: [COUNT], by: ['status'] }), [{ key: { status: 'rejected' }, name: COUNT, value: 1 }]);
      assert.deepEqual(await t.store.sumReadModel({ buckets: all, names: [DUE], by: [] }), [], 'a closed report is due nowhere');
      assert.deepEqual(await t.store.sumReadModel({ buckets: all, names: [COUNT], by: [], agencyIds: [] }), []);
      assert.deepEqual(await t.store.sumReadModel({ buckets: all, names: [COUNT], by: [], kecamatan: '33.16.09' }), []);
      assert.deepEqual(await t.store.sumReadModel({ buckets: all, names: [COUNT], by: [], confidential: true }), []);
      assert.deepEqual(await t.store.sumReadModel({ buckets: [{ grain: 'd', bucket: '2026-02-03' }], names: [COUNT], by: ['bucket'] }), [{ key: { bucket: '2026-02-03' }, name: COUNT, value: 1 }]);
    });
  });
}
