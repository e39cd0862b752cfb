// What only the SQLite store owes the map: migration 2 filling the new columns of reports
// written before it. The aggregate behaviour every adapter owes (grouping keys, the WIB week
// edge, scans, agency timings, the first-answer time surviving a reopen) is in the store
// contract, test/store/contract.ts, which runs against SQLite and MongoDB alike.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Report } from '../../shared/types.ts';
import type { ReportOverrides } from '../helpers/fixtures.ts';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';

let counter = 0;
function makeReport(overrides: ReportOverrides = {}): Report {
  counter += 1;
  const createdAt = overrides.createdAt ?? '2026-03-02T03:00:00.000Z';
  return {
    publicId: `TEST${String(counter).padStart(4, '2')}`, codeHash: `hash-${counter}`, codeSeal: null, clientId: null, category: 'jalan', agencyId: 'dpupr', status: 'new',
    description: 'Jalan berlubang di depan balai desa.', kecamatan: '33.16.05', desa: '33.16.05.2001', lat: null, lng: null,
    reporterName: null, reporterPhone: null, anonymous: false, confidential: false, details: { damageType: 'berlubang', severity: 2 },
    photos: [], assigneeId: null, duplicateOf: null, feedback: null, supportCount: 0, createdAt, updatedAt: createdAt,
    verifiedAt: null, resolvedAt: null, verifyDueAt: '2026-03-05T16:59:59.999Z', followUpDueAt: null, dueAt: '2026-03-05T16:59:59.999Z',
    overdueNotified: false, version: 1, ...overrides,
  };
}

describe('store: SQLite migration 2 for the map', () => {
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

  it('migration 2 fills the new columns of reports stored before it', async () => {
    await store.close();
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0].up as string);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run(new Date().toISOString());
    // As the first schema stored it: keyed by the tracking code, no public id.
    const { publicId: _id, codeHash: _hash, codeSeal: _seal, ...rest } = makeReport({ lat: -7.16, lng: 111.56, status: 'rejected', dueAt: null, updatedAt: '2026-03-03T05:00:00.000Z', confidential: true });
    const old = { code: 'TEST-2222-AAAA', ...rest };
    db.prepare(`INSERT INTO reports (code, client_id, agency_id, kecamatan, category, status, description, created_at, due_at, version, doc)
      VALUES (?, NULL, ?, ?, ?, ?, ?, ?, NULL, 1, ?)`).run(old.code, old.agencyId, old.kecamatan, old.category, old.status, old.description, old.createdAt, JSON.stringify(old));
    db.close();
    store = new SqliteStore(file);
    const [row] = await store.scanReports({ bbox: { minLng: 111, minLat: -8, maxLng: 112, maxLat: -7 }, limit: 5 });
    assert.equal((await store.getReport(row.publicId))?.description, old.description);
    assert.equal(row.desa, '33.16.05.2001');
    assert.equal(row.confidential, true);
    assert.equal(row.verifyDueAt, old.verifyDueAt);
    assert.equal(row.answeredAt, '2026-03-03T05:00:00.000Z', 'a rejected report was answered when it was closed');
  });
});
