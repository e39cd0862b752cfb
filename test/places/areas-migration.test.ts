// Boundaries imported before areas had records of their own were one settings value per level;
// SQLite's migration 006-areas moves each area into its own row. (MongoDB does the same at
// connect: moveBoundarySettings in server/store/mongo/mongo-store.ts.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';

describe('store: SQLite migration 006-areas', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'suara-warga-areas-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('moves boundaries stored as settings values into one row per area, and drops the values', async () => {
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE applied_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.slice(0, MIGRATIONS.findIndex((x) => x.name === '006-areas'))) {
      db.exec(m.up as string);
      db.prepare('INSERT INTO applied_migrations VALUES (?, ?)').run(m.name, new Date().toISOString());
    }
    const ring = [[111.5, -7.2], [111.6, -7.2], [111.6, -7.1], [111.5, -7.1], [111.5, -7.2]];
    const old = (code: string) => ({
      code, name: `Area ${code}`, geometry: { type: 'Polygon', coordinates: [ring] },
      bounds: { minLng: 111.5, minLat: -7.2, maxLng: 111.6, maxLat: -7.1 }, centroid: { lat: -7.15, lng: 111.55 },
    });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('boundaries:kecamatan', JSON.stringify([old('33.16.05')]));
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('boundaries:desa', JSON.stringify([old('33.16.05.2002'), old('33.16.05.2001')]));
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('holidays', '[]');
    db.close();

    const store = new SqliteStore(file);
    try {
      assert.deepEqual(await store.listAreas('kecamatan'), [{ ...old('33.16.05'), level: 'kecamatan' }]);
      assert.deepEqual((await store.listAreas('desa')).map((a) => [a.code, a.level]), [['33.16.05.2001', 'desa'], ['33.16.05.2002', 'desa']]);
      assert.equal(await store.getSetting('boundaries:kecamatan'), null);
      assert.equal(await store.getSetting('boundaries:desa'), null);
      assert.deepEqual(await store.getSetting('holidays'), [], 'other settings stay');
    } finally {
      await store.close();
    }
  });
});
