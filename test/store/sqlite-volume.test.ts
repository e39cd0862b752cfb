// SQLite at volume, where its read plans switch: a box holding many points is read newest first
// through the pins index, one holding few through the point index; a text in many descriptions
// is searched newest first, a rare one through the trigram index; a text common in the store
// but rare in a desk's scope through the scope's index against the hits. Each answers as
// reading every report would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventFor } from '../../server/reports/events.ts';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { withCategory } from '../helpers/fixtures.ts';
import { CITIZEN, makeReport } from './contract.ts';

describe('SQLite reads at volume', () => {
  let dir: string;
  let store: SqliteStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-pins-'));
    store = new SqliteStore(join(dir, 'db.sqlite'));
    // 5,000 reports over a 0.5° box, a few hundred of them in its south-west corner.
    const base = Date.parse('2026-01-01T00:00:00Z');
    const reports = Array.from({ length: 5000 }, (_, i) => makeReport({
      createdAt: new Date(base + i * 60_000).toISOString(), lat: -7.4 + ((i * 7919) % 500) / 1000, lng: 111.1 + ((i * 104729) % 500) / 1000,
      ...withCategory(i % 3 ? 'jalan' : 'pupuk'),
      // Every report says "berlubang"; one in 250 also names a bridge (Jembatan, any case).
      description: `Jalan berlubang nomor ${i}${i % 250 === 7 ? (i % 500 === 7 ? ', JEMBATAN putus' : ', jembatan retak') : ''}.`,
    }));
    await store.commitReports(reports.map((report) => ({ report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 })));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const box = (minLng: number, minLat: number, maxLng: number, maxLat: number) => ({ minLng, minLat, maxLng, maxLat });
  const everything = async () => store.scanReports({ limit: 100_000 });

  for (const [name, bbox] of [['a box with every point', box(111.1, -7.4, 111.6, -6.9)], ['a corner with few points', box(111.1, -7.4, 111.15, -7.35)]] as const) {
    it(`gives the newest reports in ${name}, filtered, as reading every report would`, async () => {
      const inBox = (await everything()).filter((r) => r.lng! >= bbox.minLng && r.lng! <= bbox.maxLng && r.lat! >= bbox.minLat && r.lat! <= bbox.maxLat);
      assert.ok(inBox.length > 0);
      assert.deepEqual((await store.scanReports({ bbox, limit: 25 })).map((r) => r.publicId), inBox.slice(0, 25).map((r) => r.publicId));
      assert.deepEqual((await store.scanReports({ bbox, categories: ['pupuk'], limit: 25 })).map((r) => r.publicId),
        inBox.filter((r) => r.category === 'pupuk').slice(0, 25).map((r) => r.publicId));
    });
  }

  for (const [name, text] of [['a text in every description', 'berlubang'], ['a rare text, in any letter case', 'Jembatan'], ['a text in none', 'zulu']] as const) {
    it(`finds ${name} as a substring, newest first, as reading every report would`, async () => {
      const expected = (await store.listReports({ limit: 100_000 })).items.filter((r) => r.description.toLowerCase().includes(text.toLowerCase()));
      const first = await store.listReports({ text, limit: 15 });
      assert.deepEqual(first.items.map((r) => r.publicId), expected.slice(0, 15).map((r) => r.publicId));
      const next = await store.listReports({ text, limit: 15, cursor: first.nextCursor ?? undefined });
      assert.deepEqual(next.items.map((r) => r.publicId), first.nextCursor ? expected.slice(15, 30).map((r) => r.publicId) : []);
    });
  }
});

describe('SQLite search of a text common in the store but rare in a desk\'s scope', function () {
  this.timeout(120_000);
  let dir: string;
  let store: SqliteStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-search-'));
    store = new SqliteStore(join(dir, 'db.sqlite'));
    const base = Date.parse('2026-01-01T00:00:00Z');
    // 2,500 DPUPR reports name a bridge; after them 2,500 Dinkes reports, of which only the three oldest do.
    const reports = Array.from({ length: 5000 }, (_, i) => {
      const dinkes = i >= 2500;
      return makeReport({
        createdAt: new Date(base + i * 60_000).toISOString(), agencyId: dinkes ? 'dinkes' : 'dpupr',
        description: dinkes ? `Puskesmas nomor ${i}${i < 2503 ? ', dekat jembatan' : ''} tutup.` : `Jembatan nomor ${i} retak.`,
      });
    });
    await store.commitReports(reports.map((report) => ({ report, event: eventFor(report, 'report.created', CITIZEN), expectedVersion: 0 })));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, agencyIds] of [['the Dinkes desk (rare there)', ['dinkes']], ['the DPUPR desk (common there)', ['dpupr']], ['every desk', undefined]] as const) {
    it(`finds it for ${name}, newest first, as reading every report would`, async () => {
      const scope = agencyIds ? [...agencyIds] : undefined;
      const expected = (await store.listReports({ agencyIds: scope, limit: 100_000 })).items.filter((r) => r.description.toLowerCase().includes('jembatan'));
      const first = await store.listReports({ text: 'jembatan', agencyIds: scope, limit: 15 });
      assert.deepEqual(first.items.map((r) => r.publicId), expected.slice(0, 15).map((r) => r.publicId));
      assert.equal(first.nextCursor === null, expected.length <= 15);
      if (!first.nextCursor) return;
      const next = await store.listReports({ text: 'jembatan', agencyIds: scope, limit: 15, cursor: first.nextCursor });
      assert.deepEqual(next.items.map((r) => r.publicId), expected.slice(15, 30).map((r) => r.publicId));
    });
  }
});
