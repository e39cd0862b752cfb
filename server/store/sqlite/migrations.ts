// Numbered migrations; each runs once, in order, inside a transaction. Append, never edit.
export const MIGRATIONS: readonly string[] = [
  `
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
  `,
  // Ngopi Bareng sessions, "dukung" once per device, aspirations by session.
  `
  CREATE TABLE ngopi_sessions (id TEXT PRIMARY KEY, starts_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX ngopi_sessions_starts ON ngopi_sessions(starts_at DESC, id DESC);
  CREATE TABLE report_supports (
    report_code TEXT NOT NULL REFERENCES reports(code),
    device_id TEXT NOT NULL,
    PRIMARY KEY (report_code, device_id)
  ) WITHOUT ROWID;
  CREATE INDEX reports_session ON reports(json_extract(doc, '$.details.session'), created_at DESC, code DESC);
  `,
];
