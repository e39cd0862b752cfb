// The search indexes (FTS5 trigram tables reports_fts and reports_id_fts, migrations 012 and
// 018) are filled just behind the write path instead of inside each report's commit.
//
// Why: FTS5 writes a segment of its own for every savepoint it sees, so each report of a group
// commit became two new segments (description and public id) plus their structure records and
// the merges that fold them again: about half the pages a new report wrote, and a cost that
// grows with the index (1,000,000 reports). Now an insert only records its rowid in
// search_pending (one small page), and the store adds the pending reports to both indexes in
// one statement each, a second or so later, as one write of an ordinary group commit.
//
// A search stays exact meanwhile: it matches the index, or a pending report's text by LIKE
// (see pendingMatch). Only rows the index has not yet seen are read that way, never the store.
import type Database from 'better-sqlite3';

/** The insert triggers of 012 and 018 give way to one that records the rowid (migration 022). */
export function deferSearchIndex(db: Database.Database): void {
  db.exec(`
  CREATE TABLE search_pending (report_rowid INTEGER PRIMARY KEY);
  DROP TRIGGER IF EXISTS reports_fts_insert;
  DROP TRIGGER IF EXISTS reports_id_fts_insert;
  ${PENDING_TRIGGERS}
  `);
}

/**
 * Kept by triggers, so no writer can forget it. OR IGNORE: a rowid freed by a deletion may be
 * given again before the catch-up ran (the deletion clears its pending row too).
 */
const PENDING_TRIGGERS = `
  CREATE TRIGGER reports_search_pending AFTER INSERT ON reports BEGIN
    INSERT OR IGNORE INTO search_pending (report_rowid) VALUES (new.rowid);
  END;
  CREATE TRIGGER reports_search_pending_delete AFTER DELETE ON reports BEGIN
    DELETE FROM search_pending WHERE report_rowid = old.rowid;
  END;`;

/**
 * The pending reports (p) with their rows (r). CROSS JOIN keeps the few pending rows the outer
 * loop: without statistics the planner read every report instead and probed the pending ones
 * (a catch-up held the writer 100-180 ms at 1,000,000 reports, a desk search took 880 ms).
 */
const PENDING_REPORTS = 'search_pending p CROSS JOIN reports r ON r.rowid = p.report_rowid';

/**
 * Adds every pending report to both search indexes and clears them; call inside a write
 * transaction. One INSERT … SELECT each: FTS5 writes one segment for all of them. A description
 * changed while pending (a redaction) is read as it is now; the update trigger of 012 changed
 * nothing then, as the index had no row for it.
 */
export function indexPendingSearch(db: Database.Database): number {
  db.prepare(`INSERT INTO reports_fts (rowid, description) SELECT r.rowid, r.description FROM ${PENDING_REPORTS}`).run();
  db.prepare(`INSERT INTO reports_id_fts (rowid, public_id) SELECT r.rowid, r.public_id FROM ${PENDING_REPORTS}`).run();
  return db.prepare('DELETE FROM search_pending').run().changes;
}

/**
 * The condition "the index matches @match, or the report is pending and its column is LIKE
 * @like", for a search of three characters or more. Both are sets of rowids, each read once:
 * naming the column outside them would make a scan of a covering index read every row it
 * passes (a desk's "lampu" went from 50 to 348 ms at 1,000,000 reports). LIKE is what the
 * index does for the alphabet a description is written in (case folded for ASCII); it differs
 * only in folding non-ASCII letters, for a report younger than the catch-up.
 */
export function pendingMatch(table: 'reports_fts' | 'reports_id_fts', column: string, match: string, like: string): string {
  return `(rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${match})`
    + ` OR rowid IN (SELECT p.report_rowid FROM ${PENDING_REPORTS} WHERE r.${column} LIKE ${like} ESCAPE '\\'))`;
}
