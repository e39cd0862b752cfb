// The one source of types that client and server agree on.

export type CategoryId = 'pupuk' | 'jalan' | 'aspirasi' | 'kesehatan' | 'pendidikan' | 'sosial' | 'perizinan' | 'peternakan' | 'lainnya';
export type ReportStatus = 'new' | 'verified' | 'in_progress' | 'resolved' | 'rejected' | 'duplicate';
export type FertiliserType = 'urea' | 'npk' | 'npk_kakao' | 'za' | 'organik' | 'lainnya';
export type PupukProblem = 'stok_kosong' | 'di_atas_het' | 'dipaketkan' | 'tidak_terdaftar_rdkk' | 'kuota_habis' | 'palsu' | 'lainnya';
export type DamageType = 'berlubang' | 'retak' | 'longsor' | 'banjir' | 'jembatan' | 'lainnya';
/** Where a report came in. Reports written before channels existed have none: the web form. */
export type ReportChannel = 'web' | 'whatsapp' | 'sms' | 'ngopi' | 'open311';
export type Role = 'officer' | 'agency_admin' | 'camat' | 'executive' | 'admin';

/**
 * An OPD, or a unit of one (a UPT of DPUPR): `parentId` names the parent, one level only. The
 * parent's officers see and act on their units' reports. Inactive agencies receive nothing new.
 */
export interface Agency { id: string; name: string; nameEn: string; parentId: string | null; active: boolean }
export interface Category { id: CategoryId; agencyId: string; label: string; labelEn: string; icon: string }

export interface Desa { code: string; name: string }
export interface Kecamatan { code: string; name: string; centroid: { lat: number; lng: number } | null; desa: Desa[] }
export interface Region {
  code: string;
  name: string;
  bounds: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  source: string;
  kecamatan: Kecamatan[];
}

// What a citizen sends, and each category's details, are inferred from the one schema
// (shared/validation/report-input.ts); only what the server adds is declared here.
import type { AspirasiDetails, JalanDetails, PupukDetailsInput } from './validation/report-input.ts';
export type { AspirasiDetails, JalanDetails, PupukDetailsInput, ReportInput } from './validation/report-input.ts';

/** Pupuk details as stored: what the citizen sent, and the price check the server computed. */
export interface PupukDetails extends PupukDetailsInput {
  // Computed by the server, never trusted from the client.
  pricePerKg?: number;
  hetPerKg?: number | null;
  overHetPerKg?: number;
  overHetPercent?: number;
}
/**
 * A report whose category details were not given: a one-line SMS or WhatsApp report
 * (`LAPOR#…`) cannot carry them. Never filled with invented defaults; the desk shows
 * "rincian belum diisi" and an officer can complete them; price statistics leave it out.
 */
export interface NotGivenDetails { notGiven: true }
/** Categories that ask for no details of their own. */
export type PlainCategoryId = Exclude<CategoryId, 'pupuk' | 'jalan' | 'aspirasi'>;

/** A category and the details it carries: `details` is typed by `category`, no cast needed. */
export type CategoryDetails =
  | { category: 'pupuk'; details: PupukDetails | NotGivenDetails }
  | { category: 'jalan'; details: JalanDetails | NotGivenDetails }
  | { category: 'aspirasi'; details: AspirasiDetails | NotGivenDetails }
  | { category: PlainCategoryId; details: Record<string, never> };
export type ReportDetails = CategoryDetails['details'];

/** `hidden`: an officer took the photo off the public pages (the desk still sees it). */
export interface PhotoRef { id: string; width: number; height: number; hidden?: boolean }

export interface Feedback { rating: number; comment: string; at: string }

/**
 * A report a partner system sent through Open311 (server/open311/): the key's name and id, how
 * its place was found (a lat/long point, a desa code as address_id, or the typed address_string
 * matched to a desa), what was typed, and the partner's media link — a link for the desk only,
 * never fetched by the server.
 */
export interface ReportOrigin {
  partner: string;
  apiKeyId: string;
  place: 'point' | 'address_id' | 'address_string';
  address?: string;
  mediaUrl?: string;
}

/** The stored report, as the domain sees it: its record, and its category with the details it carries. */
export type Report = ReportRecord & CategoryDetails;

export interface ReportRecord {
  /** The report's identity everywhere (see shared/public-id.ts). */
  publicId: string;
  /** Hash of the tracking code, the reporter's secret; the code itself is never stored. */
  codeHash: string;
  /** The tracking code sealed with the client's own id, so a retry gets it back; null without one. */
  codeSeal: string | null;
  /** A hash of the client's id (idempotency key), never the id itself: it opens `codeSeal`. */
  clientId: string | null;
  agencyId: string;
  status: ReportStatus;
  description: string;
  kecamatan: string;
  desa: string;
  lat: number | null;
  lng: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  /** An email the reporter gave (Open311's `email`), kept under the same anonymity rule; absent when none was. */
  reporterEmail?: string;
  anonymous: boolean;
  /** The reporter asked to be told of progress ("Kabari perkembangan lewat WhatsApp"); absent otherwise. */
  notifyConsent?: true;
  confidential: boolean;
  photos: PhotoRef[];
  assigneeId: string | null;
  duplicateOf: string | null;
  feedback: Feedback | null;
  supportCount: number;
  createdAt: string;
  updatedAt: string;
  verifiedAt: string | null;
  resolvedAt: string | null;
  /**
   * When the report first got an answer (verified, or closed without verification); kept
   * through a reopen. Set by the write path on every change (server/reports/answered-at.ts);
   * absent only on reports stored before it was kept in the report.
   */
  answeredAt?: string | null;
  verifyDueAt: string;
  followUpDueAt: string | null;
  /** The deadline now running (null once closed); `overdue` is derived from it. */
  dueAt: string | null;
  overdueNotified: boolean;
  /**
   * Set at intake when the GPS point lies in another kecamatan/desa (by the imported boundary
   * polygons) than the citizen chose. What the citizen chose is kept; the desk sees both.
   */
  locationMismatch?: { kecamatan: string | null; desa: string | null };
  /** Absent on reports written before channels existed: those came from the web form. */
  channel?: ReportChannel;
  /** Set on reports from Open311: which partner, how the place was found (see ReportOrigin). */
  origin?: ReportOrigin;
  /**
   * The description as the public may read it once verified, when an officer redacted it
   * (names, phone numbers); absent means the citizen's text as written. See server/public/.
   */
  publicDescription?: string;
  version: number;
}

export type EventType =
  | 'report.created' | 'report.verified' | 'report.started' | 'report.resolved' | 'report.rejected'
  | 'report.duplicate' | 'report.forwarded' | 'report.assigned' | 'report.replied' | 'report.noted'
  | 'report.feedback' | 'report.reopened' | 'report.overdue' | 'report.supported'
  | 'report.redacted' | 'report.photo_hidden' | 'report.photo_published';

export interface EventActor { kind: 'citizen' | 'user' | 'system'; userId?: string; name?: string; role?: Role }

/** The small picture of a report that desks and maps receive. No reporter identity. */
export interface ReportSummary {
  publicId: string;
  category: CategoryId;
  agencyId: string;
  status: ReportStatus;
  kecamatan: string;
  desa: string;
  excerpt: string;
  confidential: boolean;
  anonymous: boolean;
  photoCount: number;
  supportCount: number;
  assigneeId: string | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  overHetPerKg?: number;
}

/** An entry of the append-only event log: audit trail, live feed and replay source. */
export interface ReportEvent {
  seq: number;
  type: EventType;
  /** The report's public id. */
  reportId: string;
  at: string;
  actor: EventActor;
  /** Socket rooms that may see this event (`agency:<id>`, `kecamatan:<code>`, `all`). */
  rooms: string[];
  /** Action data: note text, reason, target agency… */
  data: Record<string, unknown>;
  /** The report's summary after the change. */
  summary: ReportSummary;
  /**
   * Status and agency before the change (null for `report.created`), so a consumer (a live map's
   * counts, a read model) applies the event by the difference without reading the report again.
   * Absent only on events written before this field existed.
   */
  previous?: { status: ReportStatus; agencyId: string } | null;
}
export type NewReportEvent = Omit<ReportEvent, 'seq'>;

export interface PublicTimelineEntry { type: EventType; at: string; status?: ReportStatus; message?: string; agencyId?: string }

/** What anyone holding the tracking code sees. */
export interface PublicReportView {
  publicId: string;
  status: ReportStatus;
  statusLabel: string;
  confidential: boolean;
  category?: CategoryId;
  agency?: { id: string; name: string };
  kecamatan?: { code: string; name: string };
  desa?: { code: string; name: string };
  description?: string;
  createdAt?: string;
  updatedAt: string;
  verifyDueAt?: string;
  followUpDueAt?: string | null;
  supportCount?: number;
  /** Set when the desk merged this report into another: the original's public id, to follow instead. */
  duplicateOf?: string | null;
  feedback?: Feedback | null;
  canGiveFeedback: boolean;
  canReopenUntil: string | null;
  timeline: PublicTimelineEntry[];
}

/** `fields` holds the message to show beside each bad field; `fieldCodes` the machine code of the same fields. */
export interface ApiErrorBody { error: { code: string; message: string; fields?: Record<string, string>; fieldCodes?: Record<string, string> } }
