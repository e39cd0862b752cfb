import type Database from 'better-sqlite3';
import { migrateToPublicIds } from './migrate-public-ids.ts';
import { adoptSearchPending } from './bulk-load.ts';
import { deferSearchIndex } from './search-pending.ts';

// Named migrations; each runs once, in the order listed, inside a transaction, and is recorded
// by name. Names, not numbers, so several branches can each append theirs without colliding:
// add yours at the end with a new name, never edit or rename one that has shipped. A name's
// leading number only helps a reader; two branches picking the same one is harmless (the names
// differ), and the list order, not the number, is the order they run in.
// `up` is SQL, or a function for what SQL cannot do (random ids, hashes).
export interface Migration { name: string; up: string | ((db: Database.Database) => void) }

/**
 * Stores made before migrations had names recorded them by number (1, 2, 3…): the name each
 * number stands for, so such a store upgrades without running one twice.
 */
export const NUMBERED_MIGRATIONS: readonly string[] = ['001-reports', '002-report-facts', '003-ngopi-supports'];

export const MIGRATIONS: readonly Migration[] = [
  { name: '001-reports', up: `
  CREATE TABLE reports (
    code TEXT PRIMARY KEY,
    client_id TEXT UNIQUE,
    agency_id TEXT NOT NULL,
    kecamatan TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    due_at TEXT,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX reports_agency_created ON reports(agency_id, created_at DESC, code DESC);
  CREATE INDEX reports_kecamatan_created ON reports(kecamatan, created_at DESC, code DESC);
  CREATE INDEX reports_created ON reports(created_at DESC, code DESC);
  CREATE INDEX reports_due ON reports(due_at) WHERE due_at IS NOT NULL;
  CREATE TABLE report_photos (photo_id TEXT PRIMARY KEY, report_code TEXT NOT NULL REFERENCES reports(code));
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    report_code TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX events_report ON events(report_code, seq);
  CREATE TABLE event_rooms (room TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    doc TEXT NOT NULL
  );
  CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  ` },
  // The map and statistics group and scan on columns instead of parsing documents.
  { name: '002-report-facts', up: `
  ALTER TABLE reports ADD COLUMN desa TEXT NOT NULL DEFAULT '';
  ALTER TABLE reports ADD COLUMN lat REAL;
  ALTER TABLE reports ADD COLUMN lng REAL;
  ALTER TABLE reports ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE reports ADD COLUMN verify_due_at TEXT NOT NULL DEFAULT '';
  ALTER TABLE reports ADD COLUMN verified_at TEXT;
  ALTER TABLE reports ADD COLUMN resolved_at TEXT;
  ALTER TABLE reports ADD COLUMN answered_at TEXT;
  UPDATE reports SET
    desa = COALESCE(json_extract(doc, '$.desa'), ''),
    lat = json_extract(doc, '$.lat'),
    lng = json_extract(doc, '$.lng'),
    confidential = COALESCE(json_extract(doc, '$.confidential'), 0),
    verify_due_at = COALESCE(json_extract(doc, '$.verifyDueAt'), ''),
    verified_at = json_extract(doc, '$.verifiedAt'),
    resolved_at = json_extract(doc, '$.resolvedAt'),
    answered_at = COALESCE(json_extract(doc, '$.verifiedAt'), json_extract(doc, '$.resolvedAt'),
      CASE WHEN status IN ('resolved', 'rejected', 'duplicate') THEN json_extract(doc, '$.updatedAt') END);
  -- Covers every column the map's counts and the agency timings filter, group and read, so
  -- those read this index alone and never the documents (100k reports: ~60 ms instead of ~1.2 s).
  CREATE INDEX reports_facts ON reports(kecamatan, category, status, agency_id, created_at, due_at, verified_at, resolved_at, answered_at, verify_due_at);
  CREATE INDEX reports_point ON reports(lng, lat) WHERE lat IS NOT NULL;
  ` },
  // Ngopi Bareng sessions, "dukung" once per device, aspirations by session.
  { name: '003-ngopi-supports', up: `
  CREATE TABLE ngopi_sessions (id TEXT PRIMARY KEY, starts_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX ngopi_sessions_starts ON ngopi_sessions(starts_at DESC, id DESC);
  CREATE TABLE report_supports (
    report_code TEXT NOT NULL REFERENCES reports(code),
    device_id TEXT NOT NULL,
    PRIMARY KEY (report_code, device_id)
  ) WITHOUT ROWID;
  CREATE INDEX reports_session ON reports(json_extract(doc, '$.details.session'), created_at DESC, code DESC);
  ` },
  // Counters derived from report changes (server/reports/derive.ts), written in the change's transaction.
  { name: '004-derived-counters', up: `
  CREATE TABLE counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  ` },
  // The settings version every process compares before using settings, and the audit trail of
  // the back office (append-only: the store has no statement that changes or deletes a row).
  { name: '005-settings-version-and-audit', up: `
  CREATE TABLE settings_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
  INSERT INTO settings_version (id, version) VALUES (1, 0);
  CREATE TABLE audit_log (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL
  );
  ` },
  // Imported boundaries as one row per area instead of one settings value per level (which, as
  // one MongoDB document, a detailed desa file would push past 16 MB); stored ones move over.
  { name: '006-areas', up: `
  CREATE TABLE areas (code TEXT PRIMARY KEY, level TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX areas_level ON areas(level, code);
  INSERT OR REPLACE INTO areas (code, level, doc)
    SELECT json_extract(e.value, '$.code'), substr(s.key, 12), json_set(e.value, '$.level', substr(s.key, 12))
    FROM settings s, json_each(s.value) e
    WHERE s.key IN ('boundaries:kecamatan', 'boundaries:desa');
  DELETE FROM settings WHERE key IN ('boundaries:kecamatan', 'boundaries:desa');
  ` },
  // Messaging channels: inbound inbox (unique per channel message id), conversations, SMS queue.
  { name: '007-channels', up: `
  CREATE TABLE channel_inbox (
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_until TEXT,
    doc TEXT NOT NULL,
    PRIMARY KEY (channel, message_id)
  ) WITHOUT ROWID;
  CREATE INDEX channel_inbox_pending ON channel_inbox(sent_at) WHERE status = 'pending';
  CREATE TABLE conversations (key TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE sms_outgoing (uuid TEXT PRIMARY KEY, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX sms_outgoing_created ON sms_outgoing(created_at);
  ` },
  // The read model (server/readmodel): counters kept with each change, filled from the reports
  // at the first start after this migration (flagged here: the fill needs the read model's rule,
  // which lives above the store), and the open reports' deadlines as an index for "overdue now"
  // (closed reports have no due_at), covering what the map filters on.
  { name: '008-readmodel', up: `
  CREATE TABLE readmodel_counters (
    grain TEXT NOT NULL,
    name TEXT NOT NULL,
    bucket TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    kecamatan TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    confidential INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (grain, name, bucket, agency_id, kecamatan, category, status, confidential)
  ) WITHOUT ROWID;
  CREATE INDEX reports_open_due ON reports(due_at, kecamatan, category, status, agency_id, created_at, confidential) WHERE due_at IS NOT NULL;
  INSERT INTO settings (key, value) SELECT 'readmodel.rebuild', 'true' WHERE EXISTS (SELECT 1 FROM reports)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  ` },
  // The first answer time moves into the report (the write path keeps it; server/reports/answered-at.ts).
  { name: '009-answered-at-in-report', up: `
  UPDATE reports SET doc = json_set(doc, '$.answeredAt', answered_at);
  ` },
  // The overdue sweep's backlog: open reports not yet announced, by deadline. Partial, so the
  // sweep reads only these few (not every open report's document), one deadline window at a time.
  // The desk's overdue filter: open reports newest first with their deadline, so the newest
  // overdue are found without sorting every one. And pins newest first with their point and the
  // map's filter columns (see SqliteStore.scanIndex).
  { name: '010-overdue-and-pins', up: `
  CREATE INDEX reports_overdue_pending ON reports(due_at) WHERE due_at IS NOT NULL AND json_extract(doc, '$.overdueNotified') = 0;
  CREATE INDEX reports_open_created ON reports(created_at DESC, code DESC, due_at, agency_id, kecamatan, category, status) WHERE due_at IS NOT NULL;
  CREATE INDEX reports_pins ON reports(created_at DESC, code DESC, lng, lat, category, status, agency_id, kecamatan) WHERE lat IS NOT NULL;
  ` },
  // 004's generic counters gave way to the read model's (008) before anything used them.
  { name: '011-drop-derived-counters', up: `
  DROP TABLE IF EXISTS counters;
  ` },
  // Desk search: a trigram index of the descriptions, so a substring of three or more characters
  // is found without reading every report (LIKE '%…%' cannot use an index). Kept by triggers,
  // so every write of a description (intake, a redaction) updates it in the same transaction.
  { name: '012-search', up: `
  CREATE VIRTUAL TABLE reports_fts USING fts5(description, tokenize = 'trigram');
  INSERT INTO reports_fts (rowid, description) SELECT rowid, description FROM reports;
  CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, description) VALUES (new.rowid, new.description);
  END;
  CREATE TRIGGER reports_fts_update AFTER UPDATE OF description ON reports WHEN old.description IS NOT new.description BEGIN
    UPDATE reports_fts SET description = new.description WHERE rowid = new.rowid;
  END;
  CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    DELETE FROM reports_fts WHERE rowid = old.rowid;
  END;
  ` },
  // Public ids; the tracking code kept only as a hash (see migrate-public-ids.ts).
  { name: '013-public-ids', up: migrateToPublicIds },
  // The read model's rule changed (the agency panel's all-time rows; desa and kiosk spellings
  // all time only): count the stored reports again at the next start.
  { name: '014-readmodel-recount', up: `
  INSERT INTO settings (key, value) SELECT 'readmodel.rebuild', 'true' WHERE EXISTS (SELECT 1 FROM reports)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  ` },
  // Desa counters per month too (open data's monthly counts per desa): count again at the next start.
  { name: '015-readmodel-desa-month', up: `
  INSERT INTO settings (key, value) SELECT 'readmodel.rebuild', 'true' WHERE EXISTS (SELECT 1 FROM reports)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  ` },
  // Open311 partners' API keys (server/store/apikey-port.ts): only the key's SHA-256 is kept.
  { name: '016-api-keys', up: `
  CREATE TABLE api_keys (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  ` },
  // Citizen notifications (issue 15): the outbox (pending ones by channel and due time, for the
  // senders' claims; by report, for the desk; by the Graph API's id, for delivery statuses),
  // reporters' contacts (the sender's alone) and recipients' opt-outs and last inbound time.
  { name: '017-notify', up: `
  CREATE TABLE notify_outbox (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    provider_id TEXT,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX notify_outbox_due ON notify_outbox(channel, next_attempt_at) WHERE status = 'pending';
  CREATE INDEX notify_outbox_report ON notify_outbox(report_id, created_at);
  CREATE INDEX notify_outbox_provider ON notify_outbox(provider_id) WHERE provider_id IS NOT NULL;
  CREATE TABLE reporter_contacts (report_id TEXT PRIMARY KEY, recipient_key TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE notify_recipients (key TEXT PRIMARY KEY, opted_out INTEGER NOT NULL, last_inbound_at TEXT, updated_at TEXT NOT NULL);
  ` },
  // Desk search by a piece of a public id: a trigram index of the ids, as 012 is of the
  // descriptions. Before it, "… OR public_id LIKE '%…%'" made every search whose text could be
  // part of an id (most words: the id alphabet is 31 letters and digits) read all the reports.
  { name: '018-search-public-ids', up: `
  CREATE VIRTUAL TABLE reports_id_fts USING fts5(public_id, tokenize = 'trigram');
  INSERT INTO reports_id_fts (rowid, public_id) SELECT rowid, public_id FROM reports;
  CREATE TRIGGER reports_id_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_id_fts (rowid, public_id) VALUES (new.rowid, new.public_id);
  END;
  CREATE TRIGGER reports_id_fts_delete AFTER DELETE ON reports BEGIN
    DELETE FROM reports_id_fts WHERE rowid = old.rowid;
  END;
  ` },
  // Rollups (server/readmodel/rollups.ts) in place of the agency panel's rows: count again at the next start.
  { name: '019-readmodel-rollups', up: `
  INSERT INTO settings (key, value) SELECT 'readmodel.rebuild', 'true' WHERE EXISTS (SELECT 1 FROM reports)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  ` },
  // The public map's pins of one kecamatan: its located reports by category, newest first, with
  // what a pin shows. Through reports_kecamatan_created they were read from every report of the
  // kecamatan (18,000 jalan reports in Cepu at 1,000,000) and sorted.
  { name: '020-kecamatan-pins', up: `
  CREATE INDEX reports_kecamatan_pins ON reports(kecamatan, category, created_at DESC, public_id DESC, lat, lng, status, confidential) WHERE lat IS NOT NULL;
  ` },
  // The desk map's pins from their index alone: reports_pins again, carrying every column a pin
  // shows and the excerpt as scanReports computes it (substr(description, 1, EXCERPT_LENGTH + 1),
  // server/store/facts.ts: the same expression, or SQLite reads the row again). 1,000 pins read
  // 1,000 rows for their desa, excerpt and deadline: 7.6 ms at 1,000,000 reports, 2.5 from the index.
  { name: '021-covering-pins', up: `
  DROP INDEX reports_pins;
  CREATE INDEX reports_pins ON reports(created_at DESC, public_id DESC, lng, lat, category, status, agency_id, kecamatan,
    desa, confidential, due_at, verified_at, resolved_at, answered_at, verify_due_at, substr(description, 1, 141)) WHERE lat IS NOT NULL;
  ` },
  // New reports reach the search indexes just behind their commit, all pending ones in one
  // statement, instead of two FTS5 segments per report inside it (see search-pending.ts).
  { name: '022-search-pending', up: (db) => { deferSearchIndex(db); adoptSearchPending(db); } },
  // FTS5 merges a level's segments once it holds `automerge` of them (default 4). At 1,000,000
  // reports a catch-up of ten reports then spent 30-70 ms merging in one commit in a hundred
  // (p99 32 ms against 3 ms at 8, measured on the bare file): the commit a desk push waits for.
  // Eight per level halves how often each level is rewritten, for at most twice the segments
  // a search reads.
  { name: '023-search-automerge', up: `
  INSERT INTO reports_fts (reports_fts, rank) VALUES ('automerge', 8);
  INSERT INTO reports_id_fts (reports_id_fts, rank) VALUES ('automerge', 8);
  ` },
  // The desk's and the public list's scope indexes (all, an agency, a kecamatan; newest first)
  // carry the columns they are filtered by, so a filter is checked in the index and only the
  // rows shown are read. Before, each entry's row was read to check its status: where 90,000
  // untriaged reports of one kecamatan stood newer than its first "in progress" one (a store
  // the bench's intake had grown to 1.09M), that filter took 75 ms p50 instead of 4; the
  // agency's and the regency's the same. Measured on that file: 95-117 ms through the old
  // index, 13-18 through the wider one.
  { name: '024-scope-filters', up: `
  DROP INDEX reports_created;
  CREATE INDEX reports_created ON reports(created_at DESC, public_id DESC, status, category, agency_id, kecamatan);
  DROP INDEX reports_agency_created;
  CREATE INDEX reports_agency_created ON reports(agency_id, created_at DESC, public_id DESC, status, category, kecamatan);
  DROP INDEX reports_kecamatan_created;
  CREATE INDEX reports_kecamatan_created ON reports(kecamatan, created_at DESC, public_id DESC, status, category, agency_id);
  ` },
];
