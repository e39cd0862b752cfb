import type { DeskPhoto, DeskReportView, DeskSummary, DeskTimelineEntry, DeskUser } from '../../shared/desk.ts';
import { categoryDetailsOf } from '../../shared/details.ts';
import type { PhotoRef, Report, ReportEvent } from '../../shared/types.ts';
import { publicText } from '../public/rules.ts';
import { toSummary } from '../reports/presenter.ts';
import { allowedActions, canSeeReporter } from './policy.ts';
import { isOverdue } from './sla.ts';

export function toDeskSummary(report: Report, user: DeskUser, now: Date): DeskSummary {
  return { ...toSummary(report), overdue: isOverdue(report, now), allowedActions: allowedActions(user, report) };
}

/** Desk photos always go through the authorised route, so confidential ones are served too. */
function deskPhoto(photo: PhotoRef): DeskPhoto {
  return { ...photo, url: `/api/desk/media/${photo.id}.jpg`, thumbUrl: `/api/desk/media/${photo.id}.thumb.jpg` };
}

function timelineEntry(event: ReportEvent): DeskTimelineEntry {
  return {
    seq: event.seq, type: event.type, at: event.at, actor: event.actor,
    status: event.summary.status, agencyId: event.summary.agencyId, data: event.data,
  };
}

export function toDeskView(report: Report, events: ReportEvent[], user: DeskUser, now: Date): DeskReportView {
  const reporter = canSeeReporter(user, report) && (report.reporterName || report.reporterPhone || report.reporterEmail)
    ? { name: report.reporterName, phone: report.reporterPhone, ...(report.reporterEmail ? { email: report.reporterEmail } : {}) }
    : null;
  return {
    ...toDeskSummary(report, user, now),
    ...categoryDetailsOf(report),
    channel: report.channel ?? 'web',
    origin: report.origin ?? null,
    description: report.description,
    lat: report.lat,
    lng: report.lng,
    locationMismatch: report.locationMismatch ?? null,
    photos: report.photos.map(deskPhoto),
    publicDescription: report.publicDescription ?? null,
    publicText: publicText(report) !== null,
    reporter,
    duplicateOf: report.duplicateOf,
    verifiedAt: report.verifiedAt,
    resolvedAt: report.resolvedAt,
    verifyDueAt: report.verifyDueAt,
    followUpDueAt: report.followUpDueAt,
    timeline: events.map(timelineEntry),
  };
}
