// Who may do what on the desk: pure functions over one table, so the whole ability matrix
// is readable here and testable role by role.
import { DESK_ACTIONS, type DeskAction, type DeskUser } from '../../shared/desk.ts';
import { canTransition, isClosed } from '../../shared/reference/statuses.ts';
import type { Report, ReportStatus, Role } from '../../shared/types.ts';
import { ALL_ROOM, agencyRoom, kecamatanRoom } from '../reports/rooms.ts';

type Scoped = Pick<Report, 'agencyId' | 'kecamatan'>;

/** What each role may do to a report it can see. */
export const ABILITIES: Readonly<Record<Role, readonly DeskAction[]>> = {
  // The agency's triage work; handing a report to a colleague is the agency admin's call.
  // They also moderate what the public sees of their reports (redact, hide or publish photos).
  officer: ['verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'reply', 'note', 'redact', 'hide_photo', 'publish_photo', 'complete_details'],
  agency_admin: ['verify', 'start', 'resolve', 'reject', 'duplicate', 'forward', 'assign', 'reply', 'note', 'redact', 'hide_photo', 'publish_photo', 'complete_details'],
  // A camat follows and comments on their kecamatan's reports; the agencies act on them.
  camat: ['note'],
  // Bupati, Wakil Bupati and Sekda steer (disposisi) and comment, but do not triage.
  executive: ['forward', 'note'],
  admin: [...DESK_ACTIONS],
};

/** The status an action moves a report to; actions not listed leave the status as it is. */
export const TARGET_STATUS: Partial<Record<DeskAction, ReportStatus>> = {
  verify: 'verified', start: 'in_progress', resolve: 'resolved', reject: 'rejected', duplicate: 'duplicate',
};

export function canSee(user: DeskUser, report: Scoped): boolean {
  switch (user.role) {
    case 'officer':
    case 'agency_admin':
      return user.agencyIds.includes(report.agencyId);
    case 'camat':
      return user.kecamatan !== null && report.kecamatan === user.kecamatan;
    case 'executive':
    case 'admin':
      return true;
  }
}

/** Whether the role allows this action on this report (status aside: see isPossible). */
export function can(user: DeskUser, action: DeskAction, report: Scoped): boolean {
  return canSee(user, report) && ABILITIES[user.role].includes(action);
}

const MODERATION: ReadonlySet<DeskAction> = new Set(['redact', 'hide_photo', 'publish_photo']);

/**
 * Whether the report's state allows the action at all, whoever asks. Moderation has nothing
 * to do on a confidential report (its text and photos are never public) nor, for photos, on a
 * report without any.
 */
export function isPossible(action: DeskAction, report: Pick<Report, 'status'> & Partial<Pick<Report, 'confidential' | 'photos' | 'details'>>): boolean {
  const target = TARGET_STATUS[action];
  // Only details that were never given are completed here; given ones stay the citizen's.
  if (action === 'complete_details') return report.details !== undefined && 'notGiven' in report.details;
  if (target) return canTransition(report.status, target);
  if (action === 'forward' || action === 'assign') return !isClosed(report.status);
  if (MODERATION.has(action)) {
    if (report.confidential) return false;
    if (action === 'hide_photo') return (report.photos ?? []).some((p) => !p.hidden);
    if (action === 'publish_photo') return (report.photos ?? []).some((p) => p.hidden);
    return true;
  }
  return true; // reply and note are always possible, also after closing
}

/** What the desk should offer this user now: allowed by role and possible in this status. */
export function allowedActions(user: DeskUser, report: Report): DeskAction[] {
  return DESK_ACTIONS.filter((action) => can(user, action, report) && isPossible(action, report));
}

/** The query scope of a user's desk: which reports they may list at all. */
export function scopeOf(user: DeskUser): { agencyIds?: string[]; kecamatan?: string } {
  switch (user.role) {
    case 'officer':
    case 'agency_admin':
      return { agencyIds: [...user.agencyIds] };
    case 'camat':
      return { kecamatan: user.kecamatan ?? '-' };
    case 'executive':
    case 'admin':
      return {};
  }
}

/** The socket rooms a user may join, derived the same way events are addressed. */
export function roomsOf(user: DeskUser): string[] {
  switch (user.role) {
    case 'officer':
    case 'agency_admin':
      return user.agencyIds.map(agencyRoom);
    case 'camat':
      return user.kecamatan ? [kecamatanRoom(user.kecamatan)] : [];
    case 'executive':
    case 'admin':
      return [ALL_ROOM];
  }
}

/**
 * Who may send a failed status message to the reporter again: those who act on the report's
 * citizen-facing side (they may reply). Seeing the messages needs only sight of the report.
 */
export const NOTIFICATION_RETRY: readonly Role[] = ['officer', 'agency_admin', 'admin'];

export function canRetryNotification(user: DeskUser, report: Scoped): boolean {
  return canSee(user, report) && NOTIFICATION_RETRY.includes(user.role);
}

/**
 * An anonymous report's contact, kept only when the reporter asked to be told of progress
 * (shared/anonymity.ts), is for the notification sender alone: no desk role sees it, admin
 * included. Every role is asked the same question, so the answer is the same for all.
 */
export function canSeeReporter(_user: DeskUser, report: Pick<Report, 'anonymous'>): boolean {
  return !report.anonymous;
}
