// Migration 4: every report gets a random public id, which becomes its key in every table and
// event; its tracking code is kept only as a hash, so old codes still track, rate and reopen.
// Client ids are hashed too, and the code is sealed with the plain client id (the seal opens for
// a retry of the same submission only). Runs inside the migration's transaction.
import type Database from 'better-sqlite3';
import { generatePublicId, hashClientId, hashTrackingCode, sealTrackingCode } from '../../reports/tracking-code.ts';

type Doc = Record<string, unknown>;

function renamed(idOf: Map<string, string>, value: unknown): unknown {
  return typeof value === 'string' ? (idOf.get(value) ?? value) : value;
}

export function migrateToPublicIds(db: Database.Database): void {
  // Children point at the old keys until the end of this transaction.
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    ALTER TABLE reports RENAME COLUMN code TO public_id;
    ALTER TABLE reports ADD COLUMN code_hash TEXT;
    ALTER TABLE report_photos RENAME COLUMN report_code TO report_id;
    ALTER TABLE events RENAME COLUMN report_code TO report_id;
    ALTER TABLE report_supports RENAME COLUMN report_code TO report_id;
    CREATE TEMP TABLE public_id_map (old TEXT PRIMARY KEY, new TEXT NOT NULL UNIQUE) WITHOUT ROWID;
  `);
  const rows = db.prepare('SELECT public_id AS code, doc FROM reports').all() as { code: string; doc: string }[];
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const { code } of rows) {
    let id = generatePublicId();
    while (taken.has(id)) id = generatePublicId();
    taken.add(id);
    idOf.set(code, id);
  }
  const insertMap = db.prepare('INSERT INTO public_id_map (old, new) VALUES (?, ?)');
  for (const [old, id] of idOf) insertMap.run(old, id);

  const updateReport = db.prepare('UPDATE reports SET public_id = ?, code_hash = ?, client_id = ?, doc = ? WHERE public_id = ?');
  for (const { code, doc } of rows) {
    const { code: _code, ...report } = JSON.parse(doc) as Doc;
    const plainClientId = typeof report.clientId === 'string' ? report.clientId : null;
    const migrated: Doc = {
      ...report,
      publicId: idOf.get(code),
      codeHash: hashTrackingCode(code),
      codeSeal: plainClientId ? sealTrackingCode(code, plainClientId) : null,
      clientId: plainClientId ? hashClientId(plainClientId) : null,
      duplicateOf: renamed(idOf, report.duplicateOf) ?? null,
    };
    updateReport.run(migrated.publicId, migrated.codeHash, migrated.clientId, JSON.stringify(migrated), code);
  }
  db.exec(`
    UPDATE report_photos SET report_id = (SELECT new FROM public_id_map WHERE old = report_id);
    UPDATE report_supports SET report_id = (SELECT new FROM public_id_map WHERE old = report_id);
    UPDATE events SET report_id = (SELECT new FROM public_id_map WHERE old = report_id);
    CREATE UNIQUE INDEX reports_code_hash ON reports(code_hash);
  `);

  // Events name their report, and a merge names the other report (data.of, data.merged).
  const updateEvent = db.prepare('UPDATE events SET doc = ? WHERE seq = ?');
  for (const { seq, doc } of db.prepare('SELECT seq, doc FROM events').all() as { seq: number; doc: string }[]) {
    const { reportCode, ...event } = JSON.parse(doc) as Doc;
    const { code, ...summary } = (event.summary ?? {}) as Doc;
    const data = { ...((event.data ?? {}) as Doc) };
    if ('of' in data) data.of = renamed(idOf, data.of);
    if ('merged' in data) data.merged = renamed(idOf, data.merged);
    updateEvent.run(JSON.stringify({ ...event, reportId: renamed(idOf, reportCode), data, summary: { publicId: renamed(idOf, code), ...summary } }), seq);
  }
  db.exec('DROP TABLE public_id_map');
}
