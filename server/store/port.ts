// The storage port. Domain code depends on this interface only; the adapter (SQLite
// embedded, or MongoDB through mongoose) is chosen once, in ./open.ts.
import type { DeskUser } from '../../shared/desk.ts';
import type { NgopiSession } from '../../shared/ngopi.ts';
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
   * A merge: the devices that supported the report with this code now support `report`
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
export type DerivedWrite = CounterDelta;

/** Adds `delta` to the named counter (created at 0). Keys are namespaced by their deriver. */
export interface CounterDelta { kind: 'counter'; key: string; delta: number }

export interface ReportQuery {
  /** Reports of any of these agencies (omit for all). */
  agencyIds?: string[];
  kecamatan?: string;
  desa?: string;
  /** Only confidential (true) or only non-confidential (false) reports: the public list asks for false. */
  confidential?: boolean;
  status?: ReportStatus[];
  category?: CategoryId;
  /** Substring of the description, or the tracking code. */
  text?: string;
  /** Only reports whose running deadline is before this instant (ISO). */
  overdueAt?: string;
  /** Only reports whose overdue announcement was (true) or was not yet (false) made. */
  overdueNotified?: boolean;
  /** Only aspirations raised in this Ngopi Bareng session (details.session). */
  session?: string;
  /** Only reports created after this instant (ISO). */
  createdAfter?: string;
  /** Newest first; the cursor is opaque to callers. */
  cursor?: string;
  limit: number;
}

/**
 * Which reports an aggregate or scan covers. Every field narrows; omitted means "any".
 * Used by the map and the statistics, always with the caller's role scope already applied.
 */
export interface ReportFilter {
  agencyIds?: string[];
  kecamatan?: string;
  desa?: string;
  /** Only confidential (true) or only non-confidential (false) reports. */
  confidential?: boolean;
  categories?: CategoryId[];
  statuses?: ReportStatus[];
  /** created_at >= createdFrom and < createdBefore (ISO instants). */
  createdFrom?: string;
  createdBefore?: string;
  /** Only reports whose running deadline is before this instant (ISO): overdue then. */
  overdueAt?: string;
  /** Only reports with a GPS point inside this box (degrees). */
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
}

/**
 * Keys an aggregate can group by. `overdue` is dueAt < `now`; `week` is the Monday
 * (YYYY-MM-DD, WIB) of the week the report was created in.
 */
export type AggregateKey = 'kecamatan' | 'category' | 'status' | 'agencyId' | 'overdue' | 'week';

export interface AggregateQuery extends ReportFilter {
  by: AggregateKey[];
  /** The instant `overdue` is judged at (ISO). */
  now: string;
}

/** One group: the values of the grouped keys (overdue as boolean) and how many reports. */
export interface AggregateRow {
  key: { kecamatan?: string; category?: CategoryId; status?: ReportStatus; agencyId?: string; overdue?: boolean; week?: string };
  count: number;
}

/** The few facts of a report that maps and statistics need, without its documents. */
export interface ReportFacts {
  code: string;
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

/** How one agency keeps its deadlines, over the filtered reports. */
export interface AgencyTiming {
  agencyId: string;
  /** Reports with a first answer (answeredAt set). */
  answered: number;
  /** Of those, answered at or before their verify deadline. */
  answeredOnTime: number;
  /** Median hours from createdAt to verifiedAt (verified reports); null when none. */
  medianHoursToVerify: number | null;
  /** Median hours from createdAt to resolvedAt (reports now resolved); null when none. */
  medianHoursToResolve: number | null;
}

export interface ScanQuery extends ReportFilter {
  /** Newest first, at most this many. */
  limit: number;
  withPupuk?: boolean;
}

/** A desk account as stored: what the desk sees of it, plus the secrets it never sees. */
export interface UserRecord extends DeskUser {
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
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
  constructor(readonly code: string) { super(`report ${code} changed`); }
}
/** Thrown when a generated tracking code collides (practically never; the caller retries). */
export class DuplicateCodeError extends Error {}
/** Thrown when a device supports a report it already supported. */
export class DuplicateSupportError extends Error {
  constructor(readonly code: string) { super(`report ${code} already supported by this device`); }
}
/** Thrown by createUser and updateUser when another user has the username (compared case-insensitively). */
export class DuplicateUsernameError extends Error {}

export interface Store {
  readonly kind: 'sqlite' | 'mongo';
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * Writes every change (its report, event, supports and derived writes) in ONE transaction:
   * all or none. Resolves once durable, with the stored events in the order of `changes`.
   * Only the write path (server/reports/change-report.ts) calls it; a test holds it to that.
   */
  commitReports(changes: ReportChange[]): Promise<ReportEvent[]>;
  /** Current values of the counters (0 for one never written). */
  readCounters(keys: string[]): Promise<Record<string, number>>;
  getReport(code: string): Promise<Report | null>;
  getReportByClientId(clientId: string): Promise<Report | null>;
  getReportByPhotoId(photoId: string): Promise<Report | null>;
  listReports(query: ReportQuery): Promise<{ items: Report[]; nextCursor: string | null }>;
  /** Events with seq > afterSeq visible in any of `rooms` (all rooms when omitted), ascending. */
  eventsAfter(afterSeq: number, limit: number, rooms?: string[]): Promise<ReportEvent[]>;
  eventsOfReport(code: string): Promise<ReportEvent[]>;
  lastSeq(): Promise<number>;
  /** Grouped counts of the filtered reports (GROUP BY in the store, no documents read). */
  aggregateReports(query: AggregateQuery): Promise<AggregateRow[]>;
  /** Minimal rows of the filtered reports, newest first, for pins, lists and pupuk figures. */
  scanReports(query: ScanQuery): Promise<ReportFacts[]>;
  /** Deadline keeping and median durations per agency (only agencies with reports). */
  agencyTimings(filter: ReportFilter): Promise<AgencyTiming[]>;

  createUser(user: UserRecord): Promise<void>;
  updateUser(user: UserRecord): Promise<void>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, lastSeenAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Returns the ids of the deleted sessions, so their sockets can be closed. */
  deleteSessionsOfUser(userId: string): Promise<string[]>;

  /** Creates or replaces a Ngopi Bareng session. */
  putNgopiSession(session: NgopiSession): Promise<void>;
  getNgopiSession(id: string): Promise<NgopiSession | null>;
  /** Every session, latest start first. */
  listNgopiSessions(): Promise<NgopiSession[]>;
  deleteNgopiSession(id: string): Promise<void>;

  /** Admin-edited reference data (holidays, routing, extra agencies), as JSON values. */
  getSetting<T>(key: string): Promise<T | null>;
  putSetting<T>(key: string, value: T): Promise<void>;
}
