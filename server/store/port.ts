// The storage port. Domain code depends on this interface only; the adapter (SQLite
// embedded, or MongoDB through mongoose) is chosen once, in ./open.ts.
import type { DeskUser } from '../../shared/desk.ts';
import type { AreaFeature, AreaLevel } from '../../shared/geo.ts';
import type { NgopiSession } from '../../shared/ngopi.ts';
import type { ApiKeyStore } from './apikey-port.ts';
import type { ChannelStore } from './channel-port.ts';
import type { ContactWrite, NotifyStore, OutboxWrite } from './notify-port.ts';
import type { CategoryId, NewReportEvent, Report, ReportEvent, ReportStatus } from '../../shared/types.ts';

export interface ReportChange {
  report: Report;
  event: NewReportEvent;
  /** 0 to insert a new report; otherwise the version read, so a concurrent change is refused. */
  expectedVersion: number;
  /**
   * A "dukung": also record that this device supports the report, in the same transaction.
   * A device that already supported it makes the whole change fail with DuplicateSupportError.
   */
  support?: { deviceId: string };
  /**
   * A merge: the devices that supported the report with this public id now support `report`
   * instead (a device that supported both counts once), in the same transaction.
   */
  moveSupportsFrom?: string;
  /** Writes derived from this change (server/reports/derive.ts), committed with it or not at all. */
  derived?: DerivedWrite[];
}

/**
 * A write the write path derives from a change and the adapter commits in its transaction.
 * Later capabilities add kinds here (an outbox message, a read-model row); an adapter must
 * handle every kind (its switch is exhaustive, so a new kind fails to compile until it does).
 */
export type DerivedWrite = ReadModelDelta | OutboxWrite | ContactWrite;

/**
 * Which reports a list, an aggregate or a scan covers: one filter for every reader (the desk
 * list, the sweeps, the map and statistics). Every field narrows; omitted means "any". Callers
 * apply the role's scope before (agencyIds, kecamatan).
 */
export interface ReportFilter {
  /** Reports of any of these agencies; an empty list matches nothing. */
  agencyIds?: string[];
  kecamatan?: string;
  desa?: string;
  /** Only confidential (true) or only non-confidential (false) reports: the public pages ask for false. */
  confidential?: boolean;
  /** Any of these categories (an empty list does not narrow). */
  categories?: CategoryId[];
  /** Any of these statuses (an empty list does not narrow). */
  statuses?: ReportStatus[];
  /** Substring of the description or of the public id (any letter case). */
  text?: string;
  /** The report whose tracking code has this hash (a code a citizen reads out to the desk). */
  codeHash?: string;
  /** created_at >= createdFrom and < createdBefore (ISO instants). */
  createdFrom?: string;
  createdBefore?: string;
  /** Only reports whose running deadline is before this instant (ISO): overdue then. */
  overdueAt?: string;
  /** With overdueAt: only deadlines at or after this instant (the part of today the read model's due counters do not hold). */
  dueFrom?: string;
  /** Only reports whose overdue announcement was (true) or was not yet (false) made. */
  overdueNotified?: boolean;
  /** Only aspirations raised in this Ngopi Bareng session (details.session). */
  session?: string;
  /** Only reports with a GPS point inside this box (degrees, edges included). */
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  /** Only reports with a GPS point (the pins of a kecamatan). */
  located?: boolean;
}

/** A page of the filtered reports, newest first; the cursor is opaque to callers. */
export interface ReportListQuery extends ReportFilter {
  cursor?: string;
  limit: number;
}

/**
 * Keys an aggregate can group by. `overdue` is dueAt < `now`; `hour` is the UTC hour the
 * report was created in (`YYYY-MM-DDTHH`), which the domain buckets into weeks, days or
 * whatever a chart needs (WIB is a whole-hour offset, so an hour lies in one WIB day).
 */
export type AggregateKey = 'kecamatan' | 'category' | 'status' | 'agencyId' | 'overdue' | 'hour';

export interface AggregateQuery extends ReportFilter {
  by: AggregateKey[];
  /** The instant `overdue` is judged at (ISO). */
  now: string;
}

/** One group: the values of the grouped keys (overdue as boolean) and how many reports. */
export interface AggregateRow {
  key: { kecamatan?: string; category?: CategoryId; status?: ReportStatus; agencyId?: string; overdue?: boolean; hour?: string };
  count: number;
}

/** The few facts of a report that maps and statistics need, without its documents. */
export interface ReportFacts {
  publicId: string;
  category: CategoryId;
  agencyId: string;
  status: ReportStatus;
  kecamatan: string;
  desa: string;
  lat: number | null;
  lng: number | null;
  confidential: boolean;
  excerpt: string;
  createdAt: string;
  verifiedAt: string | null;
  resolvedAt: string | null;
  /** When the report first got an answer: verified, or closed (resolved/rejected/duplicate). */
  answeredAt: string | null;
  verifyDueAt: string;
  dueAt: string | null;
  /** Only with `withPupuk`, and only for pupuk reports. */
  pupuk?: { kioskName: string | null; fertiliserType: string | null; pricePerKg: number | null; hetPerKg: number | null; overHetPerKg: number | null; problems: string[] } | null;
}

/**
 * The read model (server/readmodel): counters kept in the same transaction as each report
 * change. A counter row is keyed by a time bucket, the report dimensions the map and panels
 * filter and group by, and a counter name. `all`: all time; `m`/`w`/`d`: month, week (its
 * Monday) and day of creation (WIB); `dy`/`dm`/`dd`: year, month and day an open report is due. A grain
 * `<time>/<rollup>` holds the same counters with fewer dimensions (server/readmodel/rollups.ts;
 * the dropped ones are '' and false).
 */
export type TimeGrain = 'all' | 'm' | 'w' | 'd' | 'dy' | 'dm' | 'dd';
export type CounterGrain = TimeGrain | `${TimeGrain}/${string}`;
export interface CounterBucket { grain: CounterGrain; bucket: string }
export interface CounterDims { kecamatan: string; category: CategoryId | ''; status: ReportStatus | ''; agencyId: string; confidential: boolean }
export type CounterDim = keyof CounterDims | 'bucket';
/** Adds `value` to one read-model counter (created at 0). */
export interface ReadModelDelta extends CounterBucket, CounterDims { kind: 'readmodel'; name: string; value: number }

export interface ReadModelQuery {
  /** The buckets summed (their union is the date range asked). */
  buckets: CounterBucket[];
  agencyIds?: string[];
  kecamatan?: string;
  categories?: CategoryId[];
  statuses?: ReportStatus[];
  confidential?: boolean;
  /** Counter names asked, exactly… */
  names?: string[];
  /** …and every name starting with one of these. */
  prefixes?: string[];
  /** Dimensions kept apart in the answer; the rest are summed over. */
  by: CounterDim[];
}

/** One summed counter; sums of 0 are left out. */
export interface ReadModelRow { key: Partial<CounterDims> & { bucket?: string }; name: string; value: number }

export interface ScanQuery extends ReportFilter {
  /** Newest first, at most this many. */
  limit: number;
  withPupuk?: boolean;
}

/** A desk account as stored: what the desk sees of it (its agency scope is derived), plus the secrets it never sees. */
export interface UserRecord extends Omit<DeskUser, 'agencyIds' | 'mustChangePassword'> {
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  /** Set by a new account or a reset (one-time password); missing on accounts made before. */
  mustChangePassword?: boolean;
}

/** Who made a back-office change: a signed-in person on the pages, or someone at the server's CLI. */
export interface AuditActor {
  via: 'web' | 'cli';
  userId: string | null;
  username: string;
}

/**
 * One back-office change (accounts, agencies, routing, deadlines, holidays), kept for good:
 * the port has no way to change or delete an entry.
 */
export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  /** What was done, e.g. `routing.update`, `user.create`. */
  action: string;
  /** What it was done to, e.g. `routing`, `user:budi`. */
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** Entries older than this entry id's position (the cursor of the previous page). */
  before?: string;
  limit: number;
}

export interface SessionRecord {
  id: string; // a hash of the cookie value, so a leaked database does not leak live sessions
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Thrown when a report with the same clientId already exists (idempotent retry). */
export class DuplicateClientIdError extends Error {
  constructor(readonly clientId: string) { super(`clientId ${clientId} exists`); }
}
/** Thrown when the report changed since it was read. */
export class VersionConflictError extends Error {
  constructor(readonly publicId: string) { super(`report ${publicId} changed`); }
}
/** Thrown when a generated public id or tracking code collides (rarely; the caller retries). */
export class DuplicateCodeError extends Error {}
/** Thrown when a device supports a report it already supported. */
export class DuplicateSupportError extends Error {
  constructor(readonly publicId: string) { super(`report ${publicId} already supported by this device`); }
}
/** Thrown by putSetting with `ifVersion` when the settings version moved meanwhile. */
export class SettingsVersionConflictError extends Error {}
/** Thrown by createUser and updateUser when another user has the username (compared case-insensitively). */
export class DuplicateUsernameError extends Error {}

/**
 * The report log: reports and their append-only events. Written only through the write path
 * (server/reports/change-report.ts), read by everyone.
 */
export interface ReportLog {
  /**
   * Writes every change (its report, event, supports and derived writes) in ONE transaction:
   * all or none. Resolves once durable, with the stored events in the order of `changes`.
   * Only the write path calls it; test/reports/write-path.test.ts holds it to that.
   */
  commitReports(changes: ReportChange[]): Promise<ReportEvent[]>;
  getReport(publicId: string): Promise<Report | null>;
  /** The report whose tracking code hashes to this (see hashTrackingCode). */
  getReportByCodeHash(codeHash: string): Promise<Report | null>;
  /** `clientId` as stored: already hashed by the caller. */
  getReportByClientId(clientId: string): Promise<Report | null>;
  getReportByPhotoId(photoId: string): Promise<Report | null>;
  listReports(query: ReportListQuery): Promise<{ items: Report[]; nextCursor: string | null }>;
  /** Events with seq > afterSeq visible in any of `rooms` (all rooms when omitted), ascending. */
  eventsAfter(afterSeq: number, limit: number, rooms?: string[]): Promise<ReportEvent[]>;
  eventsOfReport(publicId: string): Promise<ReportEvent[]>;
  lastSeq(): Promise<number>;
}

/** Counts and scans over the reports for the map and statistics: the store counts, the domain judges. */
export interface ReportQueries {
  /** Grouped counts of the filtered reports (GROUP BY in the store, no documents read). */
  aggregateReports(query: AggregateQuery): Promise<AggregateRow[]>;
  /** Minimal rows of the filtered reports, newest first, for pins, lists and pupuk figures. */
  scanReports(query: ScanQuery): Promise<ReportFacts[]>;
  /** Only the point of each filtered report that has one, newest first: a public pin. */
  scanPoints(query: ScanQuery): Promise<ReportPoint[]>;
}

export type ReportPoint = Pick<ReportFacts, 'publicId' | 'category' | 'status' | 'confidential' | 'createdAt'> & { lat: number; lng: number };

/** The read model (server/readmodel): counters the write path keeps, summed for the map and panels. */
export interface ReadModelStore {
  /** Sums of the read model's counters (see ReadModelQuery). */
  sumReadModel(query: ReadModelQuery): Promise<ReadModelRow[]>;
  /**
   * Counts every stored report again, from nothing: `countersOf` says what one report counts
   * for. Offline (a migration, the CLI): nothing else writes meanwhile. With `onlyIfFlagged`,
   * only a store that a migration flagged (made before the read model, so never counted) is
   * rebuilt; several processes starting at once rebuild it once.
   */
  rebuildReadModel(countersOf: (report: Report) => ReadModelDelta[], options?: { onlyIfFlagged?: boolean; onProgress?: (reports: number) => void }): Promise<{ rebuilt: boolean; reports: number }>;
}

/** Desk accounts and their login sessions. */
export interface AccountStore {
  /** With `audit`, the entry is written in the same transaction as the user. */
  createUser(user: UserRecord, audit?: AuditEntry): Promise<void>;
  updateUser(user: UserRecord, audit?: AuditEntry): Promise<void>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, lastSeenAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Returns the ids of the deleted sessions, so their sockets can be closed; `keep` survives. */
  deleteSessionsOfUser(userId: string, keep?: string): Promise<string[]>;
}

/** Admin-edited reference data (holidays, routing, extra agencies), as JSON values. */
export interface SettingStore {
  getSetting<T>(key: string): Promise<T | null>;
  /**
   * Writes the setting and raises the settings version by one, in one transaction (with
   * `audit`, its entry too). Every process compares the version before using settings.
   * With `ifVersion`, writes only while the version is still that one, else throws
   * SettingsVersionConflictError and writes nothing (another process changed settings).
   */
  putSetting<T>(key: string, value: T, audit?: AuditEntry, options?: { ifVersion?: number }): Promise<void>;
  /** The settings version: 0 until the first putSetting, then raised by each. */
  settingsVersion(): Promise<number>;
}

/**
 * Imported kecamatan and desa polygons, one record per area: a detailed desa file kept as one
 * value would pass MongoDB's 16 MB document limit.
 */
export interface AreaStore {
  /** Imported kecamatan or desa polygons of one level, by code (none: the shipped ones apply). */
  listAreas(level: AreaLevel): Promise<AreaFeature[]>;
  /**
   * Replaces the stored areas of each level given (a level not given keeps its areas), raises
   * the settings version so every process reloads its places, and writes `audit`, in one
   * transaction.
   */
  replaceAreas(areas: Partial<Record<AreaLevel, AreaFeature[]>>, audit?: AuditEntry): Promise<void>;
}

/** Ngopi Bareng sessions (their aspirations are reports, in the report log). */
export interface NgopiStore {
  /** Creates or replaces a Ngopi Bareng session. */
  putNgopiSession(session: NgopiSession): Promise<void>;
  getNgopiSession(id: string): Promise<NgopiSession | null>;
  /** Every session, latest start first. */
  listNgopiSessions(): Promise<NgopiSession[]>;
  deleteNgopiSession(id: string): Promise<void>;
}

/** The audit trail of admin changes. */
export interface AuditStore {
  /** Appends to the audit trail (changes that are not settings or users, e.g. a boundary import). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; `nextBefore` pages on. */
  listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; nextBefore: string | null }>;
}

/**
 * The whole port, one job per interface above; a module that needs one job depends on that
 * interface only (the catalog on SettingStore, say). One object per adapter, so a change and
 * its event share the adapter's one connection and transaction.
 */
export interface Store extends ReportLog, ReportQueries, ReadModelStore, AccountStore, SettingStore, AreaStore, NgopiStore, AuditStore {
  readonly kind: 'sqlite' | 'mongo';
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /**
   * A bulk load (`demo seed`) between these two: the store may defer what it keeps row by row
   * (indexes, the search index) to `endBulkLoad` and skip fsyncs meanwhile, so a power cut
   * during a load may lose it. Meanwhile only reads by key are served (others may fail: no
   * server may run on the store); an unfinished load is finished when the store is next opened.
   */
  beginBulkLoad(): Promise<void>;
  endBulkLoad(): Promise<void>;
  /** Waits for commits in flight, then closes. */
  close(): Promise<void>;
  /** Inbound inbox, conversations and the SMS queue of the messaging channels (channel-port.ts). */
  readonly channels: ChannelStore;
  /** Open311 partners' API keys, stored hashed (apikey-port.ts). */
  readonly apiKeys: ApiKeyStore;
  /** The outbox of messages to reporters, their contacts and recipients' opt-outs (notify-port.ts). */
  readonly notify: NotifyStore;
}
