// What the desk (officers, camat, executives, admin) and the server agree on over HTTP.
import type { CategoryDetails, EventActor, EventType, PhotoRef, ReportChannel, ReportOrigin, ReportStatus, ReportSummary, Role } from './types.ts';

/** The signed-in person as the desk sees them (never the password hash). */
export interface DeskUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  agencyId: string | null;
  kecamatan: string | null;
  /**
   * For agency roles, the agencies whose reports they see and act on: their own and its units
   * (a UPT of DPUPR). Empty for the other roles, whose sight is the kecamatan or everything.
   */
  agencyIds: string[];
  /** Signed in with a one-time password: nothing is allowed until a new one is chosen. */
  mustChangePassword: boolean;
}

export const DESK_ACTIONS = [
  'verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'assign', 'reply', 'note',
  // Moderation of what the public pages show (server/public/rules.ts).
  'redact', 'hide_photo', 'publish_photo',
  // Details a one-line SMS/WhatsApp report could not carry, entered by the agency.
  'complete_details',
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** The body of POST /api/desk/reports/:publicId/actions, one shape per action. */
/** Inferred from its schema (shared/validation/desk-action.ts). */
export type { DeskActionInput } from './validation/desk-action.ts';

/** A queue row: the public-safe summary plus what this user may do with it now. */
export interface DeskSummary extends ReportSummary {
  overdue: boolean;
  allowedActions: DeskAction[];
}

export interface DeskTimelineEntry {
  seq: number;
  type: EventType;
  at: string;
  actor: EventActor;
  status: ReportStatus;
  agencyId: string;
  data: Record<string, unknown>;
}

export interface DeskPhoto extends PhotoRef { url: string; thumbUrl: string }

/** The whole report as a permitted desk sees it; `details` follows `category`. */
export type DeskReportView = DeskReportFields & CategoryDetails;

export interface DeskReportFields extends DeskSummary {
  /** Where it came in: web form, WhatsApp, SMS, Ngopi Bareng, Open311. */
  channel: ReportChannel;
  /** Open311 reports: the partner, how the place was found (point, desa code, typed address), its media link (never fetched). */
  origin: ReportOrigin | null;
  description: string;
  lat: number | null;
  lng: number | null;
  /** Where the GPS point lies when that differs from the citizen's choice (boundaries imported). */
  locationMismatch: { kecamatan: string | null; desa: string | null } | null;
  photos: DeskPhoto[];
  /** The redacted text the public sees once verified; null while the citizen's text is shown as written. */
  publicDescription: string | null;
  /** Whether the public pages show the description and the photos not hidden (verified, not confidential). */
  publicText: boolean;
  /** Null when the report is anonymous (for every role but admin) or none was given. */
  reporter: { name: string | null; phone: string | null; email?: string } | null;
  duplicateOf: string | null;
  verifiedAt: string | null;
  resolvedAt: string | null;
  verifyDueAt: string;
  followUpDueAt: string | null;
  timeline: DeskTimelineEntry[];
}

export interface DeskOfficer { id: string; name: string; username: string; role: Role }
