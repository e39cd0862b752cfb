import { STATUSES } from '../../shared/reference/statuses.ts';
import { pupukDetailsOf } from '../../shared/details.ts';
import type { PublicReportView, PublicTimelineEntry, Report, ReportEvent, ReportSummary } from '../../shared/types.ts';
import type { Catalog } from '../reference/catalog.ts';

const EXCERPT_LENGTH = 140;

export function statusLabel(status: Report['status']): string {
  return STATUSES.find((s) => s.id === status)?.label ?? status;
}

/** The desk's small picture of a report: what a queue row and a map pin need, no identity. */
export function toSummary(report: Report): ReportSummary {
  const summary: ReportSummary = {
    publicId: report.publicId,
    category: report.category,
    agencyId: report.agencyId,
    status: report.status,
    kecamatan: report.kecamatan,
    desa: report.desa,
    excerpt: report.description.length > EXCERPT_LENGTH ? `${report.description.slice(0, EXCERPT_LENGTH - 1)}…` : report.description,
    confidential: report.confidential,
    anonymous: report.anonymous,
    photoCount: report.photos.length,
    supportCount: report.supportCount,
    assigneeId: report.assigneeId,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    dueAt: report.dueAt,
  };
  const over = pupukDetailsOf(report)?.overHetPerKg;
  if (over !== undefined) summary.overHetPerKg = over;
  return summary;
}

// Only these events are public, and only the fields named here leave the server.
export function toPublicEntry(event: ReportEvent): PublicTimelineEntry | null {
  const base = { type: event.type, at: event.at, status: event.summary.status };
  const text = (key: string) => (typeof event.data[key] === 'string' ? (event.data[key] as string) : undefined);
  switch (event.type) {
    case 'report.created':
    case 'report.verified':
    case 'report.started':
      return base;
    case 'report.forwarded':
      return { ...base, agencyId: event.summary.agencyId };
    case 'report.resolved':
      return { ...base, message: text('note') };
    case 'report.rejected':
      return { ...base, message: text('reason') };
    case 'report.duplicate':
      return { ...base, message: text('of') };
    case 'report.replied':
      return { ...base, message: text('message') };
    case 'report.reopened':
      return { ...base, message: text('reason') };
    case 'report.supported':
      // Plain supports show as the count; only a merged duplicate is a moment in the history.
      return text('merged') ? { ...base, message: text('merged') } : null;
    default:
      return null;
  }
}

export function toPublicView(
  report: Report, events: ReportEvent[], catalog: Catalog, rules: { canGiveFeedback: boolean; canReopenUntil: string | null },
): PublicReportView {
  if (report.confidential) {
    // Whoever holds the code of a confidential report learns its status and nothing else.
    return {
      publicId: report.publicId, status: report.status, statusLabel: statusLabel(report.status), confidential: true,
      // Merged: the citizen is sent to the original (which shows only what its own rules allow).
      ...(report.duplicateOf ? { duplicateOf: report.duplicateOf } : {}), updatedAt: report.updatedAt, ...rules, timeline: [],
    };
  }
  const agency = catalog.agency(report.agencyId);
  return {
    publicId: report.publicId,
    status: report.status,
    statusLabel: statusLabel(report.status),
    confidential: false,
    category: report.category,
    agency: { id: report.agencyId, name: agency?.name ?? report.agencyId },
    kecamatan: { code: report.kecamatan, name: catalog.kecamatanName(report.kecamatan) },
    desa: { code: report.desa, name: catalog.desaName(report.desa) },
    description: report.description,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    verifyDueAt: report.verifyDueAt,
    followUpDueAt: report.followUpDueAt,
    supportCount: report.supportCount,
    duplicateOf: report.duplicateOf,
    feedback: report.feedback,
    ...rules,
    timeline: events.map(toPublicEntry).filter((e): e is PublicTimelineEntry => e !== null),
  };
}
