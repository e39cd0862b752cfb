// The SQLite search indexes are filled just behind the write path (search-pending.ts): a desk
// search finds a report the moment it is committed, before the catch-up added it to the
// trigram indexes and after, and a redaction hides the old words in both states.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { eventFor } from '../../server/reports/events.ts';
import type { Report } from '../../shared/types.ts';
import { OFFICER, commitOne, insert, makeReport, nextInstant } from './contract/fixtures.ts';

describe('SQLite search index behind the write path', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suara-warga-search-'));
    file = join(dir, 'store.sqlite');
    // No catch-up by timer in these cases: each one says when it happens.
    store = new SqliteStore(file, { searchIndexDelayMs: 3_600_000 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the file holds, read beside the store: pending rows, and hits of the description index. */
  function onDisk(word: string): { pending: number; indexed: number } {
    const db = new Database(file, { readonly: true });
    try {
      return {
        pending: Number(db.prepare('SELECT COUNT(*) FROM search_pending').pluck().get()),
        indexed: Number(db.prepare('SELECT COUNT(*) FROM reports_fts WHERE reports_fts MATCH ?').pluck().get(`"${word}"`)),
      };
    } finally {
      db.close();
    }
  }
  const found = async (text: string) => (await store.listReports({ text, limit: 10 })).items.map((r) => r.publicId);

  async function redact(report: Report, description: string): Promise<Report> {
    const next: Report = { ...report, description, updatedAt: nextInstant(), version: report.version + 1 };
    await commitOne(store, { report: next, event: eventFor(next, 'report.redacted', OFFICER), expectedVersion: report.version });
    return next;
  }

  it('finds a new report by a word and by a piece of its public id before the catch-up and after it', async () => {
    const report = makeReport({ description: 'Pupuk urea langka di kios Sumberejo.' });
    await insert(store, report);
    assert.deepEqual(onDisk('Sumberejo'), { pending: 1, indexed: 0 });
    assert.deepEqual(await found('sumberejo'), [report.publicId]);
    assert.deepEqual(await found(report.publicId.slice(2, 7).toLowerCase()), [report.publicId]);

    assert.equal(await store.indexSearchNow(), 1);
    assert.deepEqual(onDisk('Sumberejo'), { pending: 0, indexed: 1 });
    assert.deepEqual(await found('sumberejo'), [report.publicId]);
    assert.deepEqual(await found(report.publicId.slice(2, 7).toLowerCase()), [report.publicId]);
    assert.deepEqual(await found('100%'), [], '% is literal for pending and indexed reports alike');
  });

  it('does not find a redacted report by its old words, redacted while pending or once indexed', async () => {
    const pending = makeReport({ description: 'Jalan rusak dekat rumah Pak Darmo.' });
    const indexed = makeReport({ description: 'Jembatan retak dekat rumah Bu Sarmi.' });
    await insert(store, indexed);
    await store.indexSearchNow();
    await insert(store, pending);
    await redact(pending, 'Jalan rusak dekat rumah [disamarkan].');
    await redact(indexed, 'Jembatan retak dekat rumah [disamarkan].');
    assert.deepEqual(await found('Darmo'), []);
    assert.deepEqual(await found('Sarmi'), []);
    assert.deepEqual((await found('disamarkan')).sort(), [pending.publicId, indexed.publicId].sort());

    await store.indexSearchNow();
    assert.deepEqual(onDisk('Darmo'), { pending: 0, indexed: 0 });
    assert.deepEqual(await found('Darmo'), []);
    assert.deepEqual((await found('disamarkan')).sort(), [pending.publicId, indexed.publicId].sort());
  });

  it('indexes what is pending when the store closes, so a reopened store finds it through the index', async () => {
    const report = makeReport({ description: 'Lampu penerangan jalan padam di Tunjungan.' });
    await insert(store, report);
    await store.close();
    assert.deepEqual(onDisk('Tunjungan'), { pending: 0, indexed: 1 });
    store = new SqliteStore(file, { searchIndexDelayMs: 3_600_000 });
    assert.deepEqual(await found('tunjungan'), [report.publicId]);
  });

  it('adds the reports of many commits in one catch-up, each found once', async () => {
    const reports = Array.from({ length: 30 }, (_, i) => makeReport({ description: `Saluran irigasi bocor nomor ${i} di Kedungtuban.` }));
    await Promise.all(reports.map((r) => insert(store, r)));
    assert.equal(await store.indexSearchNow(), 30);
    assert.equal(await store.indexSearchNow(), 0);
    const all = (await store.listReports({ text: 'Kedungtuban', limit: 100 })).items.map((r) => r.publicId);
    assert.deepEqual(all.sort(), reports.map((r) => r.publicId).sort());
  });

  it('puts off one catch-up for the new reports that come meanwhile; when it runs it adds them all, and the next new report puts off another', async () => {
    await store.close();
    const deferred: { catchUp: () => Promise<unknown>; delayMs: number; cancelled: boolean }[] = [];
    store = new SqliteStore(file, {
      searchIndexDelayMs: 1234,
      deferCatchUp: (catchUp, delayMs) => {
        const entry = { catchUp, delayMs, cancelled: false };
        deferred.push(entry);
        return { cancel: () => { entry.cancelled = true; } };
      },
    });
    const first = [makeReport({ description: 'Pupuk langka di Randublatung.' }), makeReport({ description: 'Pupuk mahal di Randublatung.' })];
    await insert(store, first[0]);
    await insert(store, first[1]);
    assert.deepEqual(deferred.map((d) => d.delayMs), [1234], 'one catch-up for both');
    assert.deepEqual(onDisk('Randublatung'), { pending: 2, indexed: 0 });

    await deferred[0].catchUp();
    assert.deepEqual(onDisk('Randublatung'), { pending: 0, indexed: 2 });
    assert.deepEqual((await found('randublatung')).sort(), first.map((r) => r.publicId).sort());

    await redact(first[0], 'Pupuk langka di [disamarkan].');
    assert.equal(deferred.length, 1, 'a change of a known report adds nothing to index');
    const later = makeReport({ description: 'Jalan berlubang di Randublatung.' });
    await insert(store, later);
    assert.equal(deferred.length, 2);
    await store.close();
    assert.equal(deferred[1].cancelled, true, 'close cancels the catch-up it does itself');
    assert.deepEqual(onDisk('Randublatung'), { pending: 0, indexed: 2 });
    store = new SqliteStore(file, { searchIndexDelayMs: 3_600_000 });
  });

  it('merges each search index eight segments a level at a time (migration 023), not FTS5\'s default four', async () => {
    const db = new Database(file, { readonly: true });
    try {
      for (const table of ['reports_fts', 'reports_id_fts']) {
        assert.equal(db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get(), 8, table);
      }
    } finally {
      db.close();
    }
  });
});
