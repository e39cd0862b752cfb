// How the MongoDB adapter builds the map and statistics pipelines and reads their results.
// Pure, no server: what the pipelines compute on a real MongoDB is held to the SQLite store's
// results by the store contract (test/store/contract.ts via test/store/mongo.test.ts).
import assert from 'node:assert/strict';
import {
  aggregatePipeline, aggregateRowsOf, factsOf, GROUP_EXPRESSIONS, scanPipeline,
} from '../../server/store/mongo/aggregates.ts';
import { replaceReportPipeline } from '../../server/store/mongo/mongo-store.ts';
import { matchFilter, reportFilter } from '../../server/store/mongo/report-query.ts';
import { REPORT_PROJECTION, reportSchema } from '../../server/store/mongo/schemas.ts';
import { makeReport } from './contract.ts';

describe('MongoDB adapter: ReportFilter as $match', () => {
  it('with no filter matches every report', () => {
    assert.deepEqual(matchFilter({}), {});
  });

  it('translates every field, ranges inclusive as SQL BETWEEN and createdBefore exclusive', () => {
    assert.deepEqual(matchFilter({
      agencyIds: ['dpupr', 'dinkes'], kecamatan: '33.16.05', categories: ['jalan', 'pupuk'], statuses: ['new'],
      createdFrom: '2026-03-01T00:00:00.000Z', createdBefore: '2026-04-01T00:00:00.000Z', overdueAt: '2026-03-10T00:00:00.000Z',
      bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 },
    }), {
      $and: [
        { agencyId: { $in: ['dpupr', 'dinkes'] } },
        { kecamatan: '33.16.05' },
        { category: { $in: ['jalan', 'pupuk'] } },
        { status: { $in: ['new'] } },
        { createdAt: { $gte: '2026-03-01T00:00:00.000Z', $lt: '2026-04-01T00:00:00.000Z' } },
        { dueAt: { $lt: '2026-03-10T00:00:00.000Z' } },
        { lng: { $gte: 111.5, $lte: 111.6 }, lat: { $gte: -7.2, $lte: -7.1 } },
      ],
    });
  });

  it('an empty agency list matches nothing; empty category and status lists do not narrow', () => {
    assert.deepEqual(matchFilter({ agencyIds: [], categories: [], statuses: [] }), { agencyId: { $in: [] } });
  });

  it('one bound of the creation range alone', () => {
    assert.deepEqual(matchFilter({ createdBefore: '2026-04-01T00:00:00.000Z' }), { createdAt: { $lt: '2026-04-01T00:00:00.000Z' } });
  });

  it('is the same translation the desk list uses', () => {
    assert.deepEqual(
      reportFilter({ agencyIds: ['dpupr'], kecamatan: '33.16.05', categories: ['jalan'], statuses: ['new'], overdueAt: '2026-03-10T00:00:00.000Z', limit: 10 }),
      matchFilter({ agencyIds: ['dpupr'], kecamatan: '33.16.05', categories: ['jalan'], statuses: ['new'], overdueAt: '2026-03-10T00:00:00.000Z' }),
    );
  });
});

describe('MongoDB adapter: aggregate pipeline', () => {
  const NOW = '2026-03-10T00:00:00.000Z';

  it('groups by each key once, after the filter', () => {
    const [match, group] = aggregatePipeline({ by: ['kecamatan', 'overdue', 'kecamatan'], kecamatan: '33.16.05', now: NOW });
    assert.deepEqual(match, { $match: { kecamatan: '33.16.05' } });
    assert.deepEqual(group, { $group: { _id: { kecamatan: '$kecamatan', overdue: GROUP_EXPRESSIONS.overdue(NOW) }, count: { $sum: 1 } } });
  });

  it('without keys counts everything in one group', () => {
    assert.deepEqual(aggregatePipeline({ by: [], now: NOW })[1], { $group: { _id: null, count: { $sum: 1 } } });
  });

  it('calls a report overdue only when dueAt is a string before now, taken literally', () => {
    assert.deepEqual(GROUP_EXPRESSIONS.overdue(NOW), { $and: [{ $eq: [{ $type: '$dueAt' }, 'string'] }, { $lt: ['$dueAt', { $literal: NOW }] }] });
  });

  it('takes the hour as the first 13 characters of createdAt (UTC)', () => {
    assert.deepEqual(GROUP_EXPRESSIONS.hour(NOW), { $substrCP: ['$createdAt', 0, 13] });
  });

  it('reads groups back as rows, overdue as a boolean, keys not asked for left out', () => {
    const rows = aggregateRowsOf([
      { _id: { kecamatan: '33.16.05', overdue: true, hour: '2026-03-09T01' }, count: 2 },
      { _id: { kecamatan: '33.16.09', overdue: false, hour: '2026-03-02T01' }, count: 1 },
    ], { by: ['kecamatan', 'overdue', 'hour'] });
    assert.deepEqual(rows, [
      { key: { kecamatan: '33.16.05', overdue: true, hour: '2026-03-09T01' }, count: 2 },
      { key: { kecamatan: '33.16.09', overdue: false, hour: '2026-03-02T01' }, count: 1 },
    ]);
    assert.deepEqual(aggregateRowsOf([{ _id: null, count: 5 }], { by: [] }), [{ key: {}, count: 5 }]);
  });
});

describe('MongoDB adapter: scan pipeline', () => {
  it('filters, sorts newest first (createdAt, publicId), limits, then projects only the facts', () => {
    const [match, sort, limit, project] = scanPipeline({ statuses: ['new'], limit: 25 });
    assert.deepEqual(match, { $match: { status: { $in: ['new'] } } });
    assert.deepEqual(sort, { $sort: { createdAt: -1, publicId: -1 } });
    assert.deepEqual(limit, { $limit: 25 });
    const fields = (project as { $project: Record<string, unknown> }).$project;
    assert.deepEqual(fields.excerpt, { $substrCP: ['$description', 0, 141] });
    assert.equal(fields._id, 0);
    assert.equal(fields.description, undefined, 'not the whole description');
    assert.equal(fields.pupuk, undefined);
    assert.deepEqual(
      (scanPipeline({ limit: 1, withPupuk: true })[3] as { $project: Record<string, unknown> }).$project.pupuk,
      { $cond: [{ $eq: ['$category', 'pupuk'] }, '$details', null] },
    );
  });

  it('reads a row as ReportFacts, cutting a long excerpt and reading missing fields as SQLite defaults', () => {
    const facts = factsOf({
      publicId: 'AAAAAAAA', category: 'jalan', agencyId: 'dpupr', status: 'new', kecamatan: '33.16.05', createdAt: '2026-03-02T03:00:00.000Z',
      excerpt: 'x'.repeat(141),
    }, {});
    assert.deepEqual(facts, {
      publicId: 'AAAAAAAA', category: 'jalan', agencyId: 'dpupr', status: 'new', kecamatan: '33.16.05', desa: '', lat: null, lng: null,
      confidential: false, excerpt: `${'x'.repeat(139)}…`, createdAt: '2026-03-02T03:00:00.000Z', verifiedAt: null, resolvedAt: null,
      answeredAt: null, verifyDueAt: '', dueAt: null,
    });
    assert.equal(factsOf({ excerpt: 'x'.repeat(140) }, {}).excerpt, 'x'.repeat(140));
  });

  it('gives pupuk facts only when asked, null for reports of other categories', () => {
    assert.equal(factsOf({ pupuk: null }, { withPupuk: true }).pupuk, null);
    assert.equal(factsOf({}, { withPupuk: true }).pupuk, null);
    assert.equal('pupuk' in factsOf({ pupuk: { kioskName: 'A' } }, {}), false);
    assert.deepEqual(factsOf({ pupuk: { kioskName: 'Kios A', pricePerKg: '2500', problems: ['stok_kosong', 3] } }, { withPupuk: true }).pupuk, {
      kioskName: 'Kios A', fertiliserType: null, pricePerKg: null, hetPerKg: null, overHetPerKg: null, problems: ['stok_kosong'],
    });
  });
});

describe('MongoDB adapter: writing a changed report', () => {
  it('sets each field literally, answeredAt as given', () => {
    const report = makeReport({ description: '$where: harga pupuk', category: 'pupuk', details: { fertiliserType: 'urea', problems: ['di_atas_het'], kioskName: '$kios' }, answeredAt: '2026-03-03T03:00:00.000Z' });
    const [stage] = replaceReportPipeline(report);
    assert.deepEqual(stage.$set.description, { $literal: '$where: harga pupuk' });
    assert.deepEqual(stage.$set.details, { $literal: { fertiliserType: 'urea', problems: ['di_atas_het'], kioskName: '$kios' } });
    assert.deepEqual(stage.$set.answeredAt, { $literal: '2026-03-03T03:00:00.000Z' });
    assert.deepEqual(Object.keys(stage.$set).sort(), Object.keys(report).sort());
  });

  it('knows answeredAt and locationMismatch, reads reports without _id, and finds pins by a lng/lat index', () => {
    assert.ok(reportSchema.path('answeredAt'));
    assert.ok(reportSchema.path('locationMismatch'));
    assert.deepEqual(REPORT_PROJECTION, { _id: 0 });
    assert.ok(reportSchema.indexes().some(([fields]) => JSON.stringify(fields) === JSON.stringify({ lng: 1, lat: 1 })));
  });
});
