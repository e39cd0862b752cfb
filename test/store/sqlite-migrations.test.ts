// Named migrations: each applied once, in order, recorded by name; a store migrated by number
// (before names) upgrades without running one twice.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, NUMBERED_MIGRATIONS } from '../../server/store/sqlite/migrations.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { hashTrackingCode } from '../../server/reports/tracking-code.ts';
import { makeReport } from './contract.ts';

describe('SQLite migrations', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-migrations-'));
    file = join(dir, 'store.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const applied = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT name FROM applied_migrations ORDER BY rowid').pluck().all();
    } finally {
      db.close();
    }
  };

  it('have unique names, and the numbered ones are the first, in their order', () => {
    const names = MIGRATIONS.map((m) => m.name);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names.slice(0, NUMBERED_MIGRATIONS.length), NUMBERED_MIGRATIONS);
  });

  it('apply every migration once on a new store, in order, recorded by name, and none again on reopening', async () => {
    await new SqliteStore(file).close();
    assert.deepEqual(applied(), MIGRATIONS.map((m) => m.name));
    await new SqliteStore(file).close();
    assert.deepEqual(applied(), MIGRATIONS.map((m) => m.name));
  });

  it('upgrade a store migrated by number: its numbers become names, only the later migrations run, and its reports stay', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const migrate = (i: number) => {
      db.exec(MIGRATIONS[i].up as string);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, '2026-11-01T00:00:00.000Z');
    };
    // A report stored under migration 1, then migrations 2 and 3 run over it, by number.
    migrate(0);
    // As the first schema stored it: keyed by its tracking code, no public id (see migration 010).
    const { publicId: _id, codeHash: _hash, codeSeal: _seal, ...rest } = makeReport({ status: 'verified', verifiedAt: '2026-11-02T05:00:00.000Z', clientId: null });
    const old = { code: 'AAAA-BBBB-CCCC', ...rest };
    db.prepare(`INSERT INTO reports (code, client_id, agency_id, kecamatan, category, status, description, created_at, due_at, version, doc)
      VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(old.code, old.agencyId, old.kecamatan, old.category, old.status, old.description, old.createdAt, old.dueAt, JSON.stringify(old));
    for (let i = 1; i < NUMBERED_MIGRATIONS.length; i++) migrate(i);
    db.close();

    const store = new SqliteStore(file);
    try {
      // …and the first answer time its facts column held moves into the report (009).
      const found = await store.getReportByCodeHash(hashTrackingCode(old.code));
      assert.ok(found);
      const { publicId, codeHash: _h, codeSeal, ...kept } = found;
      assert.match(publicId, /^[2-9A-Z]{8}$/);
      assert.equal(codeSeal, null);
      assert.deepEqual(kept, { ...rest, answeredAt: '2026-11-02T05:00:00.000Z' });
    } finally {
      await store.close();
    }
    assert.deepEqual(applied(), MIGRATIONS.map((m) => m.name));
  });

  it('refuse a store migrated by a number this version does not know', () => {
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(NUMBERED_MIGRATIONS.length + 1, '2026-11-01T00:00:00.000Z');
    db.close();
    assert.throws(() => new SqliteStore(file), /migration 4 of this store is unknown/);
  });
});
