// A bulk load (`demo seed`, an import) into the embedded store. Kept row by row, the secondary
// indexes and above all the search index cost most of a load: every INSERT into reports fires
// the FTS5 triggers inside a statement savepoint, and FTS5 flushes its pending terms at each
// savepoint, so each report becomes a segment of its own to be merged again (measured on a
// 10,000-report store: 266 µs of CPU per insert with the trigger, 105 µs without it, 45 µs
// without the secondary indexes too). During a load those are dropped and built once at the
// end (a sorted CREATE INDEX, one pass of the search table), and commits are not fsynced.
//
// The dropped definitions are read from sqlite_master and kept in `settings` first, so the
// schema stays the migrations' own, and a load that never ends (a crash, Ctrl-C) is finished
// when the store is next opened (restoreAfterBulkLoad): no store is left without its indexes.
import type Database from 'better-sqlite3';

const STATE_KEY = 'bulkload.state';
/**
 * The search indexes' insert triggers (migrations 012-search, 018-search-public-ids), each with
 * how the rows written during the load are added at its end; update and delete triggers stay,
 * as they rarely fire.
 */
const FTS_INSERT_TRIGGERS: Record<string, string> = {
  reports_fts_insert: 'INSERT INTO reports_fts (rowid, description) SELECT rowid, description FROM reports WHERE rowid > ?',
  reports_id_fts_insert: 'INSERT INTO reports_id_fts (rowid, public_id) SELECT rowid, public_id FROM reports WHERE rowid > ?',
};
/** Tables whose plain (non-unique) indexes are built again at the end. Unique ones stay: they refuse duplicates during the load. */
const TABLES = ['reports', 'events'];
/** Page cache during a load (KiB, as PRAGMA cache_size takes it negative): the tables being written stay in memory. */
const LOAD_CACHE_KIB = 256 * 1024;

interface BulkState {
  /** CREATE INDEX / CREATE TRIGGER statements to run again at the end. */
  sql: string[];
  /** Insert triggers dropped: the search tables they fill get the load's rows at the end. */
  fill: string[];
  /** Reports with a larger rowid were written during the load: the search index gets them at the end. */
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
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${Object.keys(FTS_INSERT_TRIGGERS).map(() => '?').join(',')})`)
      .all(...Object.keys(FTS_INSERT_TRIGGERS)) as { name: string; sql: string }[];
    const state: BulkState = {
      sql: [...indexes.map((i) => i.sql), ...triggers.map((t) => t.sql)],
      fill: triggers.map((t) => t.name),
      fromRowid: Number(db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM reports').pluck().get()),
      cacheSize: Number(db.pragma('cache_size', { simple: true })),
    };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(STATE_KEY, JSON.stringify(state));
    for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  }).immediate();
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
}

/** Builds the dropped indexes again, gives the search index the reports written meanwhile, fsyncs again. */
export function endBulkLoad(db: Database.Database): void {
  const state = readState(db);
  if (!state) return;
  db.transaction(() => {
    for (const sql of state.sql) db.exec(sql);
    for (const trigger of state.fill) {
      const fill = FTS_INSERT_TRIGGERS[trigger];
      if (fill) db.prepare(fill).run(state.fromRowid);
    }
    db.prepare('DELETE FROM settings WHERE key = ?').run(STATE_KEY);
  }).immediate();
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = ${state.cacheSize}`);
  // The load's pages are in the WAL; fold them into the database now rather than at the first request.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** At open: a load that never ended is finished (its indexes and search rows built), so reads stay index-bounded. */
export function restoreAfterBulkLoad(db: Database.Database): void {
  if (readState(db)) endBulkLoad(db);
}
