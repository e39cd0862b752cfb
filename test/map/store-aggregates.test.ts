// The store methods behind the map, on SqliteStore directly: grouping keys (the WIB week edge
// included), scans, the first-answer time surviving a reopen, and migration 2 filling the new
// columns of reports written before it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Report } from '../../shared/types.ts';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { eventFor } from '../../server/reports/service.ts';

let counter = 0;
function makeReport(overrides: Partial<Report> = {}): Report {
  counter += 1;
  const createdAt = overrides.createdAt ?? '2026-03-02T03:00:00.000Z';
  return {
    code: `TEST-${String(counter).padStart(4, '0')}-AAAA`, clientId: null, category: 'jalan', agencyId: 'dpupr', status: 'new',
    description: 'Jalan berlubang di depan balai desa.', kecamatan: '33.16.05', desa: '33.16.05.2001', lat: null, lng: null,
    reporterName: null, reporterPhone: null, anonymous: false, confidential: false, details: { damageType: 'berlubang', severity: 2 },
    photos: [], assigneeId: null, duplicateOf: null, feedback: null, supportCount: 0, createdAt, updatedAt: createdAt,
    verifiedAt: null, resolvedAt: null, verifyDueAt: '2026-03-05T16:59:59.999Z', followUpDueAt: null, dueAt: '2026-03-05T16:59:59.999Z',
    overdueNotified: false, version: 1, ...overrides,
  };
}

async function put(store: SqliteStore, report: Report, expectedVersion = 0): Promise<void> {
  await store.commitReport({ report, event: eventFor(report, expectedVersion ? 'report.noted' : 'report.created', { kind: 'system' }), expectedVersion });
}

describe('store: aggregateReports, scanReports and agencyTimings (SQLite)', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-store-'));
    store = new SqliteStore(join(dir, 'db.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('groups by WIB week: Sunday 23:30 WIB is the old week, Monday 00:30 WIB the new one', async () => {
    await put(store, makeReport({ createdAt: '2026-03-08T16:30:00.000Z' })); // Sun 8 Mar 23:30 WIB
    await put(store, makeReport({ createdAt: '2026-03-08T17:30:00.000Z' })); // Mon 9 Mar 00:30 WIB
    await put(store, makeReport({ createdAt: '2026-03-15T10:00:00.000Z' })); // Sun 15 Mar 17:00 WIB
    const rows = await store.aggregateReports({ by: ['week'], now: '2026-03-16T00:00:00.000Z' });
    assert.deepEqual(rows.map((r) => [r.key.week, r.count]).sort(), [['2026-03-02', 1], ['2026-03-09', 2]]);
  });

  it('groups by several keys at once, overdue judged at the given instant, within a filter', async () => {
    await put(store, makeReport({ kecamatan: '33.16.05', category: 'jalan' }));
    await put(store, makeReport({ kecamatan: '33.16.05', category: 'pupuk', agencyId: 'satgas-pupuk', dueAt: '2026-03-20T00:00:00.000Z' }));
    await put(store, makeReport({ kecamatan: '33.16.09', category: 'jalan', status: 'resolved', dueAt: null }));
    const rows = await store.aggregateReports({ by: ['kecamatan', 'overdue'], now: '2026-03-10T00:00:00.000Z' });
    const flat = rows.map((r) => `${r.key.kecamatan}/${r.key.overdue}=${r.count}`).sort();
    assert.deepEqual(flat, ['33.16.05/false=1', '33.16.05/true=1', '33.16.09/false=1']);
    const jalan = await store.aggregateReports({ by: ['status'], categories: ['jalan'], agencyIds: ['dpupr'], now: '2026-03-10T00:00:00.000Z' });
    assert.deepEqual(jalan.map((r) => [r.key.status, r.count]).sort(), [['new', 1], ['resolved', 1]]);
    assert.deepEqual(await store.aggregateReports({ by: ['status'], agencyIds: [], now: '2026-03-10T00:00:00.000Z' }), []);
  });

  it('scans minimal rows inside a bbox, newest first, with pupuk facts on request', async () => {
    await put(store, makeReport({ createdAt: '2026-03-02T03:00:00.000Z', lat: -7.16, lng: 111.56 }));
    await put(store, makeReport({
      createdAt: '2026-03-03T03:00:00.000Z', lat: -7.17, lng: 111.57, category: 'pupuk', agencyId: 'satgas-pupuk', confidential: true,
      details: { fertiliserType: 'urea', problems: ['stok_kosong', 'dipaketkan'], kioskName: 'Kios A', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700 },
    }));
    await put(store, makeReport({ createdAt: '2026-03-04T03:00:00.000Z' })); // no point
    const rows = await store.scanReports({ bbox: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, limit: 10, withPupuk: true });
    assert.equal(rows.length, 2);
    assert.equal(rows[0].category, 'pupuk');
    assert.equal(rows[0].confidential, true);
    assert.deepEqual(rows[0].pupuk, { kioskName: 'Kios A', fertiliserType: 'urea', pricePerKg: 2500, hetPerKg: 1800, overHetPerKg: 700, problems: ['stok_kosong', 'dipaketkan'] });
    assert.equal(rows[1].pupuk, null);
    assert.equal((await store.scanReports({ limit: 10 }))[0].pupuk, undefined);
  });

  it('gives per agency the answered count, on-time count and medians (mean of the two middle values when even)', async () => {
    const at = (hours: number) => new Date(Date.parse('2026-03-02T03:00:00.000Z') + hours * 3_600_000).toISOString();
    for (const hours of [10, 20, 40, 90]) await put(store, makeReport({ status: 'verified', verifiedAt: at(hours) }));
    await put(store, makeReport({ status: 'resolved', verifiedAt: at(5), resolvedAt: at(30), dueAt: null }));
    await put(store, makeReport({ agencyId: 'dinkes', category: 'kesehatan', status: 'rejected', dueAt: null, updatedAt: at(100) }));
    await put(store, makeReport({ agencyId: 'disdik', category: 'pendidikan' }));
    const timings = new Map((await store.agencyTimings({})).map((t) => [t.agencyId, t]));
    // dpupr: verified after 5, 10, 20, 40, 90 h → median 20; the 90 h one missed the 5 March deadline (75 h after).
    assert.deepEqual(timings.get('dpupr'), { agencyId: 'dpupr', answered: 5, answeredOnTime: 4, medianHoursToVerify: 20, medianHoursToResolve: 30 });
    assert.deepEqual(timings.get('dinkes'), { agencyId: 'dinkes', answered: 1, answeredOnTime: 0, medianHoursToVerify: null, medianHoursToResolve: null });
    assert.deepEqual(timings.get('disdik'), { agencyId: 'disdik', answered: 0, answeredOnTime: 0, medianHoursToVerify: null, medianHoursToResolve: null });
    const even = await store.agencyTimings({ statuses: ['verified'] });
    assert.equal(even[0].medianHoursToVerify, 30, '10, 20, 40, 90 → (20 + 40) / 2');
  });

  it('keeps the first answer time when a resolved report is reopened and resolved again', async () => {
    const report = makeReport();
    await put(store, report);
    const resolved = { ...report, status: 'resolved' as const, resolvedAt: '2026-03-03T03:00:00.000Z', dueAt: null, version: 2 };
    await put(store, resolved, 1);
    const reopened = { ...resolved, status: 'in_progress' as const, resolvedAt: null, verifiedAt: null, version: 3 };
    await put(store, reopened, 2);
    const [row] = await store.scanReports({ limit: 1 });
    assert.equal(row.answeredAt, '2026-03-03T03:00:00.000Z');
    assert.equal(row.resolvedAt, null);
  });

  it('migration 2 fills the new columns of reports stored before it', async () => {
    await store.close();
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0]);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run(new Date().toISOString());
    const old = makeReport({ lat: -7.16, lng: 111.56, status: 'rejected', dueAt: null, updatedAt: '2026-03-03T05:00:00.000Z', confidential: true });
    db.prepare(`INSERT INTO reports (code, client_id, agency_id, kecamatan, category, status, description, created_at, due_at, version, doc)
      VALUES (?, NULL, ?, ?, ?, ?, ?, ?, NULL, 1, ?)`).run(old.code, old.agencyId, old.kecamatan, old.category, old.status, old.description, old.createdAt, JSON.stringify(old));
    db.close();
    store = new SqliteStore(file);
    const [row] = await store.scanReports({ bbox: { minLng: 111, minLat: -8, maxLng: 112, maxLat: -7 }, limit: 5 });
    assert.equal(row.code, old.code);
    assert.equal(row.desa, '33.16.05.2001');
    assert.equal(row.confidential, true);
    assert.equal(row.verifyDueAt, old.verifyDueAt);
    assert.equal(row.answeredAt, '2026-03-03T05:00:00.000Z', 'a rejected report was answered when it was closed');
  });
});
