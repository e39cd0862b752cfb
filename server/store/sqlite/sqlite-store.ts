import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AREA_LEVELS, type AreaFeature, type AreaLevel } from '../../../shared/geo.ts';
import type { NgopiSession } from '../../../shared/ngopi.ts';
import type { Report, ReportEvent } from '../../../shared/types.ts';
import {
  DuplicateClientIdError, DuplicateCodeError, DuplicateSupportError, DuplicateUsernameError, SettingsVersionConflictError, VersionConflictError,
  type AggregateKey, type AggregateQuery, type AggregateRow, type CounterDim, type ReadModelDelta, type ReadModelQuery, type ReportPoint,
  type ReadModelRow, type ReportChange, type ReportFacts, type ReportFilter, type ReportListQuery,
  type AuditEntry, type AuditQuery, type ScanQuery, type SessionRecord, type Store, type UserRecord,
} from '../port.ts';
import { EXCERPT_LENGTH, excerptOf, pupukFactsOf } from '../facts.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { CODE_ALPHABET } from '../../../shared/tracking-code.ts';
import { MIGRATIONS, NUMBERED_MIGRATIONS } from './migrations.ts';
import { SqliteApiKeyStore } from './apikey-store.ts';
import { GroupCommit } from './group-commit.ts';
import { indexPendingSearch, pendingMatch } from './search-pending.ts';
import { CounterBatch } from './counter-batch.ts';
import { SqliteChannelStore } from './channel-store.ts';
import { beginBulkLoad, endBulkLoad, restoreAfterBulkLoad } from './bulk-load.ts';
import { SqliteNotifyStore } from './notify-store.ts';

function isUniqueViolation(err: unknown, column: string): boolean {
  return err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message.includes(column)
    || err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && err.message.includes(column);
}

// Group keys as SQL expressions. The hour is the ISO prefix of created_at (stored in UTC).
const GROUP_SQL: Record<AggregateKey, string> = {
  kecamatan: 'kecamatan',
  category: 'category',
  status: 'status',
  agencyId: 'agency_id',
  overdue: '(due_at IS NOT NULL AND due_at < @now)',
  hour: 'substr(created_at, 1, 13)',
};

/** WHERE clause and named parameters of a report filter. */
function filterSql(filter: ReportFilter): { where: string; conditions: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (column: string, name: string, values: readonly string[]) => {
    const names = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    where.push(`${column} IN (${names.join(',') || 'NULL'})`);
  };
  if (filter.agencyIds) inList('agency_id', 'agency', filter.agencyIds);
  if (filter.categories?.length) inList('category', 'category', filter.categories);
  if (filter.statuses?.length) inList('status', 'status', filter.statuses);
  if (filter.kecamatan) { where.push('kecamatan = @kecamatan'); params.kecamatan = filter.kecamatan; }
  if (filter.desa) { where.push('desa = @desa'); params.desa = filter.desa; }
  if (filter.confidential !== undefined) { where.push('confidential = @confidential'); params.confidential = filter.confidential ? 1 : 0; }
  if (filter.text) {
    // A substring of the description, or of the public id (upper case; typed in any case).
    // Three characters or more go through the trigram indexes (reports_fts, reports_id_fts), so
    // no search reads every report; shorter ones are read newest first (LIKE cannot use an
    // index). The public id is searched only when the text could be part of one.
    // Reports committed in the last second or so are not in those indexes yet: they are matched
    // by LIKE among the pending ones (search-pending.ts).
    const text = filter.text;
    const indexed = [...text].length >= 3;
    params.text = `%${escapeLike(text)}%`;
    const described = indexed ? pendingMatch('reports_fts', 'description', '@ftsText', '@text') : "description LIKE @text ESCAPE '\\'";
    if (indexed) params.ftsText = ftsPhrase(text);
    if (couldBeInCode(text)) {
      params.textUpper = `%${escapeLike(text.toUpperCase())}%`;
      const inId = indexed ? pendingMatch('reports_id_fts', 'public_id', '@ftsId', '@textUpper') : "public_id LIKE @textUpper ESCAPE '\\'";
      if (indexed) params.ftsId = ftsPhrase(text.toUpperCase());
      where.push(`(${described} OR ${inId})`);
    } else where.push(described);
  }
  if (filter.codeHash) { where.push('code_hash = @codeHash'); params.codeHash = filter.codeHash; }
  if (filter.overdueNotified !== undefined) {
    // A literal, not a parameter: only then can "not yet announced" use the partial index of
    // the sweep's backlog (reports_overdue_pending), whose WHERE must be implied by the query's.
    where.push(filter.overdueNotified ? "json_extract(doc, '$.overdueNotified') = 1" : "json_extract(doc, '$.overdueNotified') = 0");
  }
  if (filter.session) { where.push("json_extract(doc, '$.details.session') = @session"); params.session = filter.session; }
  if (filter.createdFrom) { where.push('created_at >= @createdFrom'); params.createdFrom = filter.createdFrom; }
  if (filter.createdBefore) { where.push('created_at < @createdBefore'); params.createdBefore = filter.createdBefore; }
  if (filter.overdueAt) { where.push('due_at IS NOT NULL AND due_at < @overdueAt'); params.overdueAt = filter.overdueAt; }
  if (filter.dueFrom) { where.push('due_at >= @dueFrom'); params.dueFrom = filter.dueFrom; }
  if (filter.bbox) {
    where.push('lat IS NOT NULL AND lng BETWEEN @minLng AND @maxLng AND lat BETWEEN @minLat AND @maxLat');
    Object.assign(params, filter.bbox);
  }
  if (filter.located) where.push('lat IS NOT NULL');
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', conditions: where, params };
}

interface FactsRow {
  public_id: string; category: string; agency_id: string; status: string; kecamatan: string; desa: string;
  lat: number | null; lng: number | null; confidential: number; excerpt: string; created_at: string;
  verified_at: string | null; resolved_at: string | null; answered_at: string | null; verify_due_at: string; due_at: string | null;
  pupuk?: string | null;
}

/**
 * The index a grouped read goes through. INDEXED BY: without statistics the planner prefers
 * the agency/kecamatan indexes and then reads every matching document. "Overdue now" reads the
 * open reports' deadlines (closed ones have none); the rest reads the covering facts index; a
 * bbox needs lat/lng, which neither holds.
 */
function tableFor(filter: ReportFilter): string {
  if (readsRows(filter)) return 'reports';
  // Overdue among the reports of a date range (the map's "this month"): the open reports created
  // then, not every deadline passed (160,000 at 1,000,000 reports, each checked for its date).
  if (filter.overdueAt && (filter.createdFrom || filter.createdBefore) && !filter.dueFrom) return 'reports INDEXED BY reports_open_created';
  return filter.overdueAt ? 'reports INDEXED BY reports_open_due' : 'reports INDEXED BY reports_facts';
}

/** These filters read columns the covering indexes do not hold (lat/lng, desa, confidential, description, doc). */
function readsRows(filter: ReportFilter): boolean {
  return filter.bbox !== undefined || filter.text !== undefined || filter.overdueNotified !== undefined || filter.session !== undefined
    || filter.desa !== undefined || filter.confidential !== undefined;
}

const COUNTER_COLUMNS: Record<CounterDim, string> = {
  bucket: 'bucket', agencyId: 'agency_id', kecamatan: 'kecamatan', category: 'category', status: 'status', confidential: 'confidential',
};

/** The first string after every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

const REBUILD_FLAG = 'readmodel.rebuild';
/** Counters a rebuild merges in memory before writing them. */
const PENDING_MAX = 100_000;
/** Above this many (name, bucket) seeks a prefix is read as a name range instead (see namePartsFor). */
const PREFIX_SEEKS_MAX = 20_000;
/** A box with at least this many points is read newest first (see scanIndex). */
const PIN_DENSE = 4000;

/** An FTS5 phrase matching the text as typed: quotes doubled, nothing else special. */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Whether the text could be part of a public id (the tracking-code alphabet; dashes too, as typed). */
function couldBeInCode(text: string): boolean {
  return [...text.toUpperCase()].every((c) => c === '-' || CODE_ALPHABET.includes(c));
}

/**
 * New reports wait this long for the search indexes' catch-up: at a report a second each still
 * gets a segment of its own, at a hundred a second they share one.
 */
const SEARCH_INDEX_DELAY_MS = 1000;

/** How the catch-up is put off: a timer, or in a test a hand that runs it when told. */
export type DeferCatchUp = (catchUp: () => Promise<unknown>, delayMs: number) => { cancel: () => void };

const deferByTimer: DeferCatchUp = (catchUp, delayMs) => {
  const timer = setTimeout(() => void catchUp(), delayMs);
  // Never what keeps a process alive: close() does a catch-up still due.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

/** A text matching at least this many descriptions is searched newest first instead (see textIndex). */
const COMMON_TEXT = 2000;
/** Newest reports of the scope a common text is first looked for in (see newestWithText). */
const TEXT_WINDOW = 2000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A store migrated by number before names: record those numbers under their names, once. */
function adoptNumberedMigrations(db: Database.Database): void {
  const numbered = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get();
  if (!numbered) return;
  const versions = db.prepare('SELECT version, applied_at FROM schema_migrations').all() as { version: number; applied_at: string }[];
  const record = db.prepare('INSERT OR IGNORE INTO applied_migrations VALUES (?, ?)');
  for (const { version, applied_at } of versions) {
    const name = NUMBERED_MIGRATIONS[version - 1];
    if (!name) throw new Error(`migration ${version} of this store is unknown to this version of the server`);
    record.run(name, applied_at);
  }
  db.exec('DROP TABLE schema_migrations');
}

/**
 * The embedded store. Every acknowledged write is on disk (WAL with synchronous=FULL).
 * Report writes are group-committed: changes arriving in the same tick of the event loop
 * share one transaction and one fsync, which keeps durability cheap under load.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** One group commit for the whole file: report changes and the side tables' writes share its fsyncs. */
  private readonly commits: GroupCommit;
  /** The counter deltas of the group being committed, summed; written once at its end. */
  private readonly groupCounters = new CounterBatch();
  /** The next catch-up of the search indexes, once a new report is pending (see search-pending.ts). */
  private searchCatchUp: { cancel: () => void } | null = null;
  private readonly searchIndexDelayMs: number;
  private readonly deferCatchUp: DeferCatchUp;
  readonly channels: SqliteChannelStore;
  readonly apiKeys: SqliteApiKeyStore;
  readonly notify: SqliteNotifyStore;

  /**
   * `autocheckpointPages`: SQLite's wal_autocheckpoint (default 1,000 pages). The store on
   * worker threads raises it for its writer and checkpoints on a thread of its own
   * (./checkpointer.ts), so that no commit waits for a checkpoint. `searchIndexDelayMs`: how
   * long after a new report the pending ones are added to the search indexes (all in one write;
   * a search finds them meanwhile too); `deferCatchUp` puts it off (a timer unless a test says).
   */
  constructor(file: string, options: { autocheckpointPages?: number; searchIndexDelayMs?: number; deferCatchUp?: DeferCatchUp } = {}) {
    this.searchIndexDelayMs = options.searchIndexDelayMs ?? SEARCH_INDEX_DELAY_MS;
    this.deferCatchUp = options.deferCatchUp ?? deferByTimer;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // busy_timeout first: several processes may open the file at once, and switching to WAL or
    // migrating takes a lock the others must wait for rather than fail on.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Each change of a group commit runs in its own savepoint, and an open savepoint journals
    // every page it touches to a sub-journal, a temporary file by default. Kept in memory, that
    // journal costs a fraction (about 50 µs instead of 250 µs per report here). Durability is
    // unchanged: the sub-journal only serves rollback inside a transaction; commits still go
    // through the WAL with synchronous=FULL. Set after the migrations: an index they build sorts
    // the whole table through temporary files, which in memory grew the process by 165 MB at
    // 1,000,000 reports (and it kept them).
    if (options.autocheckpointPages !== undefined) this.db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(options.autocheckpointPages))}`);
    this.migrate();
    restoreAfterBulkLoad(this.db);
    this.db.pragma('temp_store = MEMORY');
    this.commits = new GroupCommit(this.db, () => this.groupCounters.drain((delta) => this.upsertCounter(delta)));
    this.channels = new SqliteChannelStore(this.db, this.commits);
    this.apiKeys = new SqliteApiKeyStore(this.db, (entry) => this.writeAudit(entry));
    this.notify = new SqliteNotifyStore(this.db, this.commits);
  }

  /** Prepared statements are compiled once and reused: the hot path runs the same few. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Applies each migration not yet recorded, in order; see ./migrations.ts. */
  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS applied_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    this.db.transaction(() => adoptNumberedMigrations(this.db)).immediate();
    const isApplied = this.db.prepare('SELECT 1 FROM applied_migrations WHERE name = ?').pluck();
    for (const migration of MIGRATIONS) {
      if (isApplied.get(migration.name)) continue;
      this.db.transaction(() => {
        // Checked again under the write lock: another process may have just applied it.
        if (isApplied.get(migration.name)) return;
        if (typeof migration.up === 'string') this.db.exec(migration.up);
        else migration.up(this.db);
        this.db.prepare('INSERT INTO applied_migrations VALUES (?, ?)').run(migration.name, new Date().toISOString());
      }).immediate();
    }
  }

  async beginBulkLoad(): Promise<void> {
    this.commits.flush();
    beginBulkLoad(this.db);
  }

  async endBulkLoad(): Promise<void> {
    this.commits.flush();
    endBulkLoad(this.db);
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  /** Commits queued for the next group commit, and a catch-up of the search indexes due, are written (synchronously) before closing. */
  async close(): Promise<void> {
    if (this.searchCatchUp) {
      this.searchCatchUp.cancel();
      this.searchCatchUp = null;
      // Refused, the reports stay pending: the next open's first new report schedules them.
      this.indexSearchNow().catch(() => {});
    }
    this.commits.flush();
    if (this.db.open) this.db.close();
  }

  commitReports(changes: ReportChange[]): Promise<ReportEvent[]> {
    return this.commits.run(() => {
      const counters: ReadModelDelta[] = [];
      const events = changes.map((change) => this.writeChange(change, counters));
      // Only once every change of this commit is written: one that throws adds none of them.
      for (const delta of counters) this.groupCounters.add(delta);
      if (changes.some((change) => change.expectedVersion === 0)) this.scheduleSearchIndex();
      return events;
    });
  }

  /** A catch-up of the search indexes in searchIndexDelayMs, unless one is due already. */
  private scheduleSearchIndex(): void {
    if (this.searchCatchUp) return;
    this.searchCatchUp = this.deferCatchUp(() => {
      this.searchCatchUp = null;
      // Refused (the file busy past busy_timeout, say): the next new report schedules it again,
      // and a search finds the pending ones meanwhile.
      return this.indexSearchNow().catch(() => 0);
    }, this.searchIndexDelayMs);
  }

  /** Adds the pending reports to the search indexes now, as a write of the next group commit; resolves with how many. */
  indexSearchNow(): Promise<number> {
    return this.commits.run(() => indexPendingSearch(this.db));
  }

  /** Writes the change and its event; its counter deltas go to `counters`, written with the group's. */
  private writeChange(change: ReportChange, counters: ReadModelDelta[]): ReportEvent {
    const { report, event, expectedVersion } = change;
    const row = {
      public_id: report.publicId, code_hash: report.codeHash, client_id: report.clientId, agency_id: report.agencyId, kecamatan: report.kecamatan,
      category: report.category, status: report.status, description: report.description, created_at: report.createdAt,
      due_at: report.dueAt, version: report.version, doc: JSON.stringify(report),
      desa: report.desa, lat: report.lat, lng: report.lng, confidential: report.confidential ? 1 : 0,
      verify_due_at: report.verifyDueAt, verified_at: report.verifiedAt, resolved_at: report.resolvedAt, answered_at: report.answeredAt ?? null,
    };
    if (expectedVersion === 0) {
      try {
        this.sql(`INSERT INTO reports (public_id, code_hash, client_id, agency_id, kecamatan, category, status, description, created_at, due_at, version, doc,
            desa, lat, lng, confidential, verify_due_at, verified_at, resolved_at, answered_at)
          VALUES (@public_id, @code_hash, @client_id, @agency_id, @kecamatan, @category, @status, @description, @created_at, @due_at, @version, @doc,
            @desa, @lat, @lng, @confidential, @verify_due_at, @verified_at, @resolved_at, @answered_at)`).run(row);
      } catch (err) {
        if (report.clientId && isUniqueViolation(err, 'client_id')) throw new DuplicateClientIdError(report.clientId);
        if (isUniqueViolation(err, 'public_id') || isUniqueViolation(err, 'code_hash')) throw new DuplicateCodeError();
        throw err;
      }
    } else {
      const result = this.sql(`UPDATE reports SET agency_id=@agency_id, kecamatan=@kecamatan, category=@category, status=@status,
        description=@description, due_at=@due_at, version=@version, doc=@doc, desa=@desa, lat=@lat, lng=@lng, confidential=@confidential,
        verify_due_at=@verify_due_at, verified_at=@verified_at, resolved_at=@resolved_at, answered_at=@answered_at
        WHERE public_id=@public_id AND version=@expected`).run({ ...row, expected: expectedVersion });
      if (result.changes === 0) throw new VersionConflictError(report.publicId);
    }
    if (change.support) {
      try {
        this.sql('INSERT INTO report_supports (report_id, device_id) VALUES (?, ?)').run(report.publicId, change.support.deviceId);
      } catch (err) {
        if (isUniqueViolation(err, 'report_supports')) throw new DuplicateSupportError(report.publicId);
        throw err;
      }
    }
    if (change.moveSupportsFrom) {
      this.sql('INSERT OR IGNORE INTO report_supports (report_id, device_id) SELECT ?, device_id FROM report_supports WHERE report_id = ?')
        .run(report.publicId, change.moveSupportsFrom);
      this.sql('DELETE FROM report_supports WHERE report_id = ?').run(change.moveSupportsFrom);
    }
    for (const write of change.derived ?? []) {
      if (write.kind === 'readmodel') counters.push(write);
      else this.notify.writeDerived(write);
    }
    const insertPhoto = this.sql('INSERT OR IGNORE INTO report_photos (photo_id, report_id) VALUES (?, ?)');
    for (const photo of report.photos) insertPhoto.run(photo.id, report.publicId);
    const seq = Number(this.sql('INSERT INTO events (report_id, doc) VALUES (?, ?)').run(report.publicId, JSON.stringify(event)).lastInsertRowid);
    const insertRoom = this.sql('INSERT INTO event_rooms (room, seq) VALUES (?, ?)');
    for (const room of new Set(event.rooms)) insertRoom.run(room, seq);
    return { seq, ...event };
  }

  private upsertCounter(delta: ReadModelDelta): void {
    // Positional parameters: binding an object of named ones cost a third more (136 → 98 µs
    // per 50 upserts, measured alone).
    this.sql(`INSERT INTO readmodel_counters (grain, name, bucket, agency_id, kecamatan, category, status, confidential, value)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO UPDATE SET value = value + excluded.value`)
      .run(delta.grain, delta.name, delta.bucket, delta.agencyId, delta.kecamatan, delta.category, delta.status, delta.confidential ? 1 : 0, delta.value);
  }

  async sumReadModel(query: ReadModelQuery): Promise<ReadModelRow[]> {
    const by = [...new Set(query.by)];
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const inList = (column: string, name: string, values: readonly string[]) => {
      where.push(`${column} IN (${values.map((v, i) => { params[`${name}${i}`] = v; return `@${name}${i}`; }).join(',') || 'NULL'})`);
    };
    if (query.agencyIds) inList('agency_id', 'agency', query.agencyIds);
    if (query.kecamatan) { where.push('kecamatan = @kecamatan'); params.kecamatan = query.kecamatan; }
    if (query.categories?.length) inList('category', 'category', query.categories);
    if (query.statuses?.length) inList('status', 'status', query.statuses);
    if (query.confidential !== undefined) { where.push('confidential = @confidential'); params.confidential = query.confidential ? 1 : 0; }
    // Grouped in primary-key order (name, then the dimensions as the key lists them), so a
    // single bucket's rows are summed as they are read, without a sort.
    const columns = (['agencyId', 'kecamatan', 'category', 'status', 'confidential', 'bucket'] as const).filter((d) => by.includes(d));
    const select = ['name', ...columns.map((d) => COUNTER_COLUMNS[d])].join(', ');
    const parts: { sql: string; params: Record<string, unknown> }[] = [];
    // One index range per grain and name (or name prefix): the primary key leads with them.
    const grains = new Map<string, string[]>();
    for (const b of query.buckets) grains.set(b.grain, [...(grains.get(b.grain) ?? []), b.bucket]);
    const nameParts: { sql: string; params: Record<string, unknown> }[] = [
      ...(query.names?.length ? [{ sql: `name IN (${query.names.map((_, i) => `@name${i}`).join(',')})`, params: Object.fromEntries(query.names.map((n, i) => [`name${i}`, n])) }] : []),
      ...(query.prefixes ?? []).map((p) => ({ sql: 'name >= @prefixFrom AND name < @prefixTo', params: { prefixFrom: p, prefixTo: prefixEnd(p) } })),
    ];
    for (const [grain, buckets] of grains) {
      const bucketParams = Object.fromEntries(buckets.map((b, i) => [`bucket${i}`, b]));
      for (const part of this.namePartsFor(grain, buckets.length, nameParts, query.prefixes ?? [])) {
        parts.push({
          sql: `SELECT ${select}, SUM(value) AS v FROM readmodel_counters
            WHERE grain = @grain AND ${part.sql} AND bucket IN (${buckets.map((_, i) => `@bucket${i}`).join(',')})
            ${where.length ? `AND ${where.join(' AND ')}` : ''} GROUP BY ${select}`,
          params: { ...params, ...bucketParams, ...part.params, grain },
        });
      }
    }
    const toRow = (r: Record<string, string | number>): ReadModelRow => {
      const key: ReadModelRow['key'] = {};
      for (const d of columns) {
        const value = r[COUNTER_COLUMNS[d]];
        if (d === 'confidential') key.confidential = value === 1;
        else (key as Record<string, unknown>)[d] = value;
      }
      return { key, name: String(r.name), value: Number(r.v) };
    };
    const sums = new Map<string, ReadModelRow>();
    for (const part of parts) {
      const rows = this.sql(part.sql).all(part.params) as Record<string, string | number>[];
      // Parts never share a (grain, name) pair, but one name can come from several grains: merge then.
      if (parts.length === 1) return rows.map(toRow).filter((r) => r.value !== 0);
      for (const r of rows) {
        const id = `${r.name}\u0000${columns.map((d) => r[COUNTER_COLUMNS[d]]).join('\u0000')}`;
        const seen = sums.get(id);
        if (seen) seen.value += Number(r.v);
        else sums.set(id, toRow(r));
      }
    }
    return [...sums.values()].filter((r) => r.value !== 0);
  }

  /**
   * A name prefix over many dated buckets: the primary key (grain, name, bucket, …) can seek a
   * name range or a set of buckets, not both, so "vh:* over 31 days" read every day of three
   * years of vh:* rows (79,000 rows at 100,000 reports, half a second). Such a prefix becomes
   * the list of its names, each sought with each bucket; the names come from the all-time rows
   * (every counted name has one), found one index seek per name.
   */
  private namePartsFor(grain: string, bucketCount: number, parts: { sql: string; params: Record<string, unknown> }[], prefixes: readonly string[]): { sql: string; params: Record<string, unknown> }[] {
    if (grain === 'all' || grain.startsWith('all/') || bucketCount <= 1 || prefixes.length === 0) return parts;
    const out = parts.filter((p) => !p.sql.startsWith('name >='));
    for (const prefix of prefixes) {
      const names = this.namesUnder(prefix);
      if (names.length === 0) continue;
      if (names.length * bucketCount > PREFIX_SEEKS_MAX) {
        out.push({ sql: 'name >= @prefixFrom AND name < @prefixTo', params: { prefixFrom: prefix, prefixTo: prefixEnd(prefix) } });
        continue;
      }
      out.push({ sql: `name IN (${names.map((_, i) => `@pname${i}`).join(',')})`, params: Object.fromEntries(names.map((n, i) => [`pname${i}`, n])) });
    }
    return out;
  }

  private namesUnder(prefix: string): string[] {
    const first = this.sql("SELECT name FROM readmodel_counters WHERE grain = 'all' AND name >= ? AND name < ? ORDER BY name LIMIT 1").pluck();
    const next = this.sql("SELECT name FROM readmodel_counters WHERE grain = 'all' AND name > ? AND name < ? ORDER BY name LIMIT 1").pluck();
    const end = prefixEnd(prefix);
    const names: string[] = [];
    for (let name = first.get(prefix, end); typeof name === 'string'; name = next.get(name, end)) names.push(name);
    return names;
  }

  /**
   * Counts every report again, in created order, in one transaction. The counters of each
   * batch are merged in memory before they are written (consecutive reports share their days
   * and months), so a million reports take a few million upserts, not tens of millions.
   */
  async rebuildReadModel(countersOf: (report: Report) => ReadModelDelta[], options: { onlyIfFlagged?: boolean; onProgress?: (reports: number) => void } = {}): Promise<{ rebuilt: boolean; reports: number }> {
    const flagged = () => this.sql('SELECT 1 FROM settings WHERE key = ?').pluck().get(REBUILD_FLAG) !== undefined;
    if (options.onlyIfFlagged && !flagged()) return { rebuilt: false, reports: 0 };
    return this.db.transaction(() => {
      // Checked again under the write lock: another process may have just done it.
      if (options.onlyIfFlagged && !flagged()) return { rebuilt: false, reports: 0 };
      // Deleting a million counter rows one by one takes seconds; an empty table (a fresh seed) needs none of it.
      if (this.sql('SELECT 1 FROM readmodel_counters LIMIT 1').pluck().get() !== undefined) this.sql('DELETE FROM readmodel_counters').run();
      const BATCH = 20_000;
      const pending = new CounterBatch();
      let reports = 0;
      // Written in primary-key order: the upserts then walk the table's B-tree from one end to
      // the other instead of jumping around it, which on a 100,000-report store halved the rebuild.
      const flush = () => pending.drain((delta) => this.upsertCounter(delta));
      // Pages by rowid (insertion order, near enough created order): better-sqlite3 cannot
      // write while an iterator is open on the same connection.
      const page = this.sql('SELECT rowid AS id, doc FROM reports WHERE rowid > ? ORDER BY rowid LIMIT 5000');
      for (let after = 0; ;) {
        const rows = page.all(after) as { id: number; doc: string }[];
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        for (const row of rows) {
          for (const delta of countersOf(JSON.parse(row.doc) as Report)) pending.add(delta);
          reports += 1;
          // Also by size: a batch spanning many days (a small store's 20,000 reports are half a
          // year) held a million counters at once, and the process kept the 650 MB they took.
          if (pending.size >= PENDING_MAX) flush();
          if (reports % BATCH === 0) {
            flush();
            options.onProgress?.(reports);
          }
        }
      }
      flush();
      this.sql('DELETE FROM settings WHERE key = ?').run(REBUILD_FLAG);
      return { rebuilt: true, reports };
    }).immediate();
  }

  async getReport(publicId: string): Promise<Report | null> {
    return this.parseDoc<Report>(this.sql('SELECT doc FROM reports WHERE public_id = ?').pluck().get(publicId));
  }

  async getReportByCodeHash(codeHash: string): Promise<Report | null> {
    return this.parseDoc<Report>(this.sql('SELECT doc FROM reports WHERE code_hash = ?').pluck().get(codeHash));
  }

  async getReportByClientId(clientId: string): Promise<Report | null> {
    return this.parseDoc<Report>(this.sql('SELECT doc FROM reports WHERE client_id = ?').pluck().get(clientId));
  }

  async getReportByPhotoId(photoId: string): Promise<Report | null> {
    return this.parseDoc<Report>(this.sql(
      'SELECT r.doc FROM report_photos p JOIN reports r ON r.public_id = p.report_id WHERE p.photo_id = ?',
    ).pluck().get(photoId));
  }

  async listReports(query: ReportListQuery): Promise<{ items: Report[]; nextCursor: string | null }> {
    const { conditions, params } = filterSql(query);
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const after = (into: string[], values: Record<string, unknown>) => {
      if (!cursor) return;
      into.push('(created_at < @cursorAt OR (created_at = @cursorAt AND public_id < @cursorId))');
      Object.assign(values, { cursorAt: cursor.createdAt, cursorId: cursor.publicId });
    };
    after(conditions, params);
    const scopeIndex = query.text !== undefined ? this.textIndex(query) : '';
    if (scopeIndex) {
      const page = this.newestWithText(query, scopeIndex, after);
      if (page) return page;
    }
    // The sweep's "overdue, not yet announced": its partial index holds only that backlog. The
    // desk's overdue filter: open reports newest first, skipping those not yet due.
    // A box (nearby reports): its points through the point index, as pins are read.
    const index = query.text !== undefined ? scopeIndex
      : query.bbox && !query.overdueAt ? this.scanIndex(query)
      : !query.overdueAt || query.session !== undefined ? ''
      : query.overdueNotified === false ? 'INDEXED BY reports_overdue_pending'
        : query.overdueNotified === undefined && !query.dueFrom && !query.bbox ? 'INDEXED BY reports_open_created' : '';
    const sql = `SELECT doc FROM reports ${index} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY created_at DESC, public_id DESC LIMIT @limit`;
    return this.pageOf(this.sql(sql).pluck().all({ ...params, limit: query.limit + 1 }) as string[], query.limit);
  }

  private pageOf(docs: string[], limit: number): { items: Report[]; nextCursor: string | null } {
    const items = docs.slice(0, limit).map((d) => JSON.parse(d) as Report);
    const last = items[items.length - 1];
    return { items, nextCursor: docs.length > limit && last ? encodeCursor(last) : null };
  }

  /**
   * A common text, first among the scope's newest TEXT_WINDOW reports (their texts read as
   * they come): where it is common in the scope too, a full page is there, and it is the
   * newest page. Otherwise null, and the caller reads the scope's index against the hits.
   */
  private newestWithText(query: ReportListQuery, index: string, after: (into: string[], values: Record<string, unknown>) => void): { items: Report[]; nextCursor: string | null } | null {
    const { conditions, params } = filterSql({ ...query, text: undefined });
    after(conditions, params);
    const text = query.text ?? '';
    params.like = `%${escapeLike(text)}%`;
    params.likeUpper = `%${escapeLike(text.toUpperCase())}%`;
    const match = couldBeInCode(text) ? "(description LIKE @like ESCAPE '\\' OR public_id LIKE @likeUpper ESCAPE '\\')" : "description LIKE @like ESCAPE '\\'";
    const docs = this.sql(`SELECT doc FROM (SELECT doc, description, public_id, created_at FROM reports ${index}
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY created_at DESC, public_id DESC LIMIT ${TEXT_WINDOW})
      WHERE ${match} ORDER BY created_at DESC, public_id DESC LIMIT @limit`).pluck().all({ ...params, limit: query.limit + 1 }) as string[];
    return docs.length > query.limit ? this.pageOf(docs, query.limit) : null;
  }

  async eventsAfter(afterSeq: number, limit: number, rooms?: string[]): Promise<ReportEvent[]> {
    const rows = rooms
      ? this.sql(`SELECT e.seq, e.doc FROM events e WHERE e.seq IN (
          SELECT DISTINCT seq FROM event_rooms WHERE room IN (${rooms.map(() => '?').join(',') || 'NULL'}) AND seq > ?)
          ORDER BY e.seq LIMIT ?`).all(...rooms, afterSeq, limit)
      : this.sql('SELECT seq, doc FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit);
    return (rows as { seq: number; doc: string }[]).map((r) => ({ seq: r.seq, ...JSON.parse(r.doc) }));
  }

  async eventsOfReport(publicId: string): Promise<ReportEvent[]> {
    const rows = this.sql('SELECT seq, doc FROM events WHERE report_id = ? ORDER BY seq').all(publicId) as { seq: number; doc: string }[];
    return rows.map((r) => ({ seq: r.seq, ...JSON.parse(r.doc) }));
  }

  async lastSeq(): Promise<number> {
    return Number(this.sql('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get());
  }

  async aggregateReports(query: AggregateQuery): Promise<AggregateRow[]> {
    const { where, params } = filterSql(query);
    const keys = [...new Set(query.by)];
    const columns = keys.map((k, i) => `${GROUP_SQL[k]} AS k${i}`);
    const table = tableFor(query);
    const sql = `SELECT ${[...columns, 'COUNT(*) AS n'].join(', ')} FROM ${table} ${where}
      ${keys.length ? `GROUP BY ${keys.map((_, i) => `k${i}`).join(', ')}` : ''}`;
    const rows = this.sql(sql).all({ ...params, now: query.now }) as Record<string, unknown>[];
    return rows.filter((r) => Number(r.n) > 0).map((r) => {
      const key: AggregateRow['key'] = {};
      keys.forEach((k, i) => {
        const value = r[`k${i}`];
        if (k === 'overdue') key.overdue = Number(value) === 1;
        else (key as Record<string, unknown>)[k] = value;
      });
      return { key, count: Number(r.n) };
    });
  }

  async scanReports(query: ScanQuery): Promise<ReportFacts[]> {
    const { where, params } = filterSql(query);
    // The details are extracted once (one parse of the document) and picked apart in JS.
    const pupuk = query.withPupuk ? ", CASE WHEN category = 'pupuk' THEN json_extract(doc, '$.details') END AS pupuk" : '';
    const rows = this.sql(`SELECT public_id, category, agency_id, status, kecamatan, desa, lat, lng, confidential,
        substr(description, 1, ${EXCERPT_LENGTH + 1}) AS excerpt, created_at, verified_at, resolved_at, answered_at, verify_due_at, due_at${pupuk}
      FROM reports ${this.scanIndex(query)} ${where} ORDER BY created_at DESC, public_id DESC LIMIT @limit`).all({ ...params, limit: query.limit }) as FactsRow[];
    return rows.map((r) => {
      const facts: ReportFacts = {
        publicId: r.public_id, category: r.category as ReportFacts['category'], agencyId: r.agency_id, status: r.status as ReportFacts['status'],
        kecamatan: r.kecamatan, desa: r.desa, lat: r.lat, lng: r.lng, confidential: r.confidential === 1,
        excerpt: excerptOf(r.excerpt),
        createdAt: r.created_at, verifiedAt: r.verified_at, resolvedAt: r.resolved_at, answeredAt: r.answered_at,
        verifyDueAt: r.verify_due_at, dueAt: r.due_at,
      };
      if (query.withPupuk) facts.pupuk = r.pupuk ? pupukFactsOf(JSON.parse(r.pupuk) as Record<string, unknown>) : null;
      return facts;
    });
  }

  async scanPoints(query: ScanQuery): Promise<ReportPoint[]> {
    const { where, params } = filterSql({ ...query, located: true });
    // Only columns reports_kecamatan_pins holds: a kecamatan's pins are read from it alone. Read
    // as arrays: better-sqlite3 builds a row object key by key, which for 2,000 pins took longer
    // than the query itself (4.6 ms against 2.9 as arrays at 1M reports).
    const rows = this.sql(`SELECT public_id, category, status, lat, lng, confidential, created_at
      FROM reports ${this.scanIndex({ ...query, located: true })} ${where} ORDER BY created_at DESC, public_id DESC LIMIT @limit`)
      .raw(true).all({ ...params, limit: query.limit }) as [string, string, string, number, number, number, string][];
    return rows.map(([publicId, category, status, lat, lng, confidential, createdAt]) => ({
      publicId, category: category as ReportPoint['category'], status: status as ReportPoint['status'], lat, lng, confidential: confidential === 1, createdAt,
    }));
  }

  /**
   * How a search is read. A rare text (fewer than COMMON_TEXT hits): its hits, then sorted. A
   * common one: newest first through the index of the desk's scope (its agency, or its
   * kecamatan, or all), each entry checked against the set of hits, so a page is found after a
   * few hundred entries where the text is common in the scope, and after one pass over the
   * scope's index entries (not its documents) where it is common elsewhere but rare here:
   * reading documents newest first, as before, read all of Dinkes's reports for "jembatan".
   */
  private textIndex(query: ReportListQuery): string {
    const text = query.text ?? '';
    if ([...text].length < 3) return '';
    const hits = Number(this.sql(`SELECT COUNT(*) FROM (SELECT 1 FROM reports_fts WHERE reports_fts MATCH ? LIMIT ${COMMON_TEXT})`).pluck().get(ftsPhrase(text)));
    if (hits < COMMON_TEXT) return '';
    if (query.agencyIds?.length === 1) return 'INDEXED BY reports_agency_created';
    if (query.kecamatan) return 'INDEXED BY reports_kecamatan_created';
    return 'INDEXED BY reports_created';
  }

  /**
   * Pins (a bbox, newest first, limited): a box holding many points is read newest first through
   * reports_pins, which carries the point and the filtered columns, so it stops after `limit`
   * hits; a box holding few is read through the point index and those few sorted. Which one is
   * told by counting the box's points up to PIN_DENSE, so both ways are bounded.
   */
  private scanIndex(query: ScanQuery): string {
    if (query.text !== undefined || query.overdueNotified !== undefined || query.session !== undefined) return '';
    // A kecamatan's pins of one category, newest first: one range of reports_kecamatan_pins.
    if (!query.bbox && query.located && query.kecamatan && query.categories?.length === 1 && !query.overdueAt) return 'INDEXED BY reports_kecamatan_pins';
    if (!query.bbox) return query.overdueAt ? 'INDEXED BY reports_open_due' : '';
    const inBox = Number(this.sql(`SELECT COUNT(*) FROM (SELECT 1 FROM reports INDEXED BY reports_point
      WHERE lat IS NOT NULL AND lng BETWEEN @minLng AND @maxLng AND lat BETWEEN @minLat AND @maxLat LIMIT ${PIN_DENSE})`).pluck().get(query.bbox));
    return inBox >= PIN_DENSE ? 'INDEXED BY reports_pins' : 'INDEXED BY reports_point';
  }

  async createUser(user: UserRecord, audit?: AuditEntry): Promise<void> {
    try {
      this.db.transaction(() => {
        this.sql('INSERT INTO users (id, username, doc) VALUES (?, ?, ?)').run(user.id, user.username, JSON.stringify(user));
        if (audit) this.writeAudit(audit);
      })();
    } catch (err) {
      if (isUniqueViolation(err, 'username')) throw new DuplicateUsernameError(user.username);
      throw err;
    }
  }

  async updateUser(user: UserRecord, audit?: AuditEntry): Promise<void> {
    try {
      this.db.transaction(() => {
        this.sql('UPDATE users SET username = ?, doc = ? WHERE id = ?').run(user.username, JSON.stringify(user), user.id);
        if (audit) this.writeAudit(audit);
      })();
    } catch (err) {
      if (isUniqueViolation(err, 'username')) throw new DuplicateUsernameError(user.username);
      throw err;
    }
  }

  async getUserById(id: string): Promise<UserRecord | null> {
    return this.parseDoc<UserRecord>(this.sql('SELECT doc FROM users WHERE id = ?').pluck().get(id));
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.parseDoc<UserRecord>(this.sql('SELECT doc FROM users WHERE username = ?').pluck().get(username));
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.sql('SELECT doc FROM users ORDER BY username').pluck().all() as string[]).map((d) => JSON.parse(d));
  }

  async countUsers(): Promise<number> {
    return Number(this.sql('SELECT COUNT(*) FROM users').pluck().get());
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.sql('INSERT INTO sessions (id, user_id, doc) VALUES (?, ?, ?)').run(session.id, session.userId, JSON.stringify(session));
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return this.parseDoc<SessionRecord>(this.sql('SELECT doc FROM sessions WHERE id = ?').pluck().get(id));
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    this.sql("UPDATE sessions SET doc = json_set(doc, '$.lastSeenAt', ?) WHERE id = ?").run(lastSeenAt, id);
  }

  async deleteSession(id: string): Promise<void> {
    this.sql('DELETE FROM sessions WHERE id = ?').run(id);
  }

  async deleteSessionsOfUser(userId: string, keep = ''): Promise<string[]> {
    return this.db.transaction(() => {
      const ids = this.sql('SELECT id FROM sessions WHERE user_id = ? AND id <> ?').pluck().all(userId, keep) as string[];
      this.sql('DELETE FROM sessions WHERE user_id = ? AND id <> ?').run(userId, keep);
      return ids;
    })();
  }

  async putNgopiSession(session: NgopiSession): Promise<void> {
    this.sql('INSERT INTO ngopi_sessions (id, starts_at, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET starts_at = excluded.starts_at, doc = excluded.doc')
      .run(session.id, session.startsAt, JSON.stringify(session));
  }

  async getNgopiSession(id: string): Promise<NgopiSession | null> {
    return this.parseDoc<NgopiSession>(this.sql('SELECT doc FROM ngopi_sessions WHERE id = ?').pluck().get(id));
  }

  async listNgopiSessions(): Promise<NgopiSession[]> {
    return (this.sql('SELECT doc FROM ngopi_sessions ORDER BY starts_at DESC, id DESC').pluck().all() as string[]).map((d) => JSON.parse(d));
  }

  async deleteNgopiSession(id: string): Promise<void> {
    this.sql('DELETE FROM ngopi_sessions WHERE id = ?').run(id);
  }

  async getSetting<T>(key: string): Promise<T | null> {
    return this.parseDoc<T>(this.sql('SELECT value FROM settings WHERE key = ?').pluck().get(key));
  }

  async putSetting<T>(key: string, value: T, audit?: AuditEntry, options: { ifVersion?: number } = {}): Promise<void> {
    this.db.transaction(() => {
      if (options.ifVersion !== undefined && Number(this.sql('SELECT version FROM settings_version WHERE id = 1').pluck().get()) !== options.ifVersion) {
        throw new SettingsVersionConflictError();
      }
      this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, JSON.stringify(value));
      this.sql('UPDATE settings_version SET version = version + 1 WHERE id = 1').run();
      if (audit) this.writeAudit(audit);
    }).immediate();
  }

  async settingsVersion(): Promise<number> {
    return Number(this.sql('SELECT version FROM settings_version WHERE id = 1').pluck().get());
  }

  async listAreas(level: AreaLevel): Promise<AreaFeature[]> {
    return (this.sql('SELECT doc FROM areas WHERE level = ? ORDER BY code').pluck().all(level) as string[]).map((d) => JSON.parse(d));
  }

  async replaceAreas(areas: Partial<Record<AreaLevel, AreaFeature[]>>, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      for (const level of AREA_LEVELS) {
        const list = areas[level];
        if (!list) continue;
        this.sql('DELETE FROM areas WHERE level = ?').run(level);
        const insert = this.sql('INSERT INTO areas (code, level, doc) VALUES (?, ?, ?)');
        for (const area of list) insert.run(area.code, level, JSON.stringify({ ...area, level }));
      }
      this.sql('UPDATE settings_version SET version = version + 1 WHERE id = 1').run();
      if (audit) this.writeAudit(audit);
    }).immediate();
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.writeAudit(entry);
  }

  async listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; nextBefore: string | null }> {
    const before = query.before ? Number(this.sql('SELECT n FROM audit_log WHERE id = ?').pluck().get(query.before) ?? 0) : null;
    const docs = (before === null
      ? this.sql('SELECT doc FROM audit_log ORDER BY n DESC LIMIT ?').pluck().all(query.limit + 1)
      : this.sql('SELECT doc FROM audit_log WHERE n < ? ORDER BY n DESC LIMIT ?').pluck().all(before, query.limit + 1)) as string[];
    const items = docs.slice(0, query.limit).map((d) => JSON.parse(d) as AuditEntry);
    return { items, nextBefore: docs.length > query.limit ? items[items.length - 1].id : null };
  }

  private writeAudit(entry: AuditEntry): void {
    this.sql('INSERT INTO audit_log (id, doc) VALUES (?, ?)').run(entry.id, JSON.stringify(entry));
  }

  private parseDoc<T>(doc: unknown): T | null {
    return typeof doc === 'string' ? (JSON.parse(doc) as T) : null;
  }
}
