// A bulk load (`demo seed`, an import) into the embedded store. Kept row by row, the secondary
// indexes cost most of a load (measured on a 10,000-report store: 105 µs of CPU per insert,
// 45 µs without them). During a load they are dropped and built once at the end (a sorted
// CREATE INDEX), and commits are not fsynced. The search indexes need nothing of their own: the
// load's reports wait in search_pending like any new report's (see search-pending.ts), and the
// end adds them all at once.
//
// The dropped definitions are read from sqlite_master and kept in `settings` first, so the
// schema stays the migrations' own, and a load that never ends (a crash, Ctrl-C) is finished
// when the store is next opened (restoreAfterBulkLoad): no store is left without its indexes.
import type Database from 'better-sqlite3';
import { indexPendingSearch } from './search-pending.ts';

const STATE_KEY = 'bulkload.state';
/** Tables whose plain (non-unique) indexes are built again at the end. Unique ones stay: they refuse duplicates during the load. */
const TABLES = ['reports', 'events'];
/** Page cache during a load (KiB, as PRAGMA cache_size takes it negative): the tables being written stay in memory. */
const LOAD_CACHE_KIB = 256 * 1024;

interface BulkState {
  /** CREATE INDEX statements to run again at the end. */
  sql: string[];
  /** The first report of the load is the next after this rowid (see adoptSearchPending). */
  fromRowid: number;
  cacheSize: number;
}

function readState(db: Database.Database): BulkState | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATE_KEY);
  return typeof raw === 'string' ? (JSON.parse(raw) as BulkState) : null;
}

/** Drops what is rebuilt at the end and stops fsyncing. A second begin without an end is refused. */
export function beginBulkLoad(db: Database.Database): void {
  db.transaction(() => {
    if (readState(db)) throw new Error('a bulk load is already in progress on this store');
    const placeholders = TABLES.map(() => '?').join(',');
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${placeholders})
      AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`).all(...TABLES) as { name: string; sql: string }[];
    const state: BulkState = {
      sql: indexes.map((i) => i.sql),
      fromRowid: Number(db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM reports').pluck().get()),
      cacheSize: Number(db.pragma('cache_size', { simple: true })),
    };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(STATE_KEY, JSON.stringify(state));
    for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  }).immediate();
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
}

/** Builds the dropped indexes again, gives the search indexes the reports written meanwhile, fsyncs again. */
export function endBulkLoad(db: Database.Database): void {
  const state = readState(db);
  if (!state) return;
  db.transaction(() => {
    for (const sql of state.sql) db.exec(sql);
    indexPendingSearch(db);
    db.prepare('DELETE FROM settings WHERE key = ?').run(STATE_KEY);
  }).immediate();
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = ${state.cacheSize}`);
  // The load's pages are in the WAL; fold them into the database now rather than at the first request.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Migration 022, for a load it interrupted: such a load dropped the search indexes' old insert
 * triggers to fill the indexes at its end. Its reports are made pending instead, and its end
 * must not create those triggers again.
 */
export function adoptSearchPending(db: Database.Database): void {
  const state = readState(db);
  if (!state) return;
  const oldTrigger = /CREATE TRIGGER (reports_fts_insert|reports_id_fts_insert)\b/;
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ ...state, sql: state.sql.filter((sql) => !oldTrigger.test(sql)) }), STATE_KEY);
  db.prepare('INSERT OR IGNORE INTO search_pending (report_rowid) SELECT rowid FROM reports WHERE rowid > ?').run(state.fromRowid);
}

/** At open: a load that never ended is finished (its indexes and search rows built), so reads stay index-bounded. */
export function restoreAfterBulkLoad(db: Database.Database): void {
  if (readState(db)) endBulkLoad(db);
}
