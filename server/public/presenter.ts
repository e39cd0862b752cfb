// A report as the public pages, feed and map see it, by the rules in ./rules.ts. Nothing
// else about a report leaves the server on a public route.
import type { PublicListItem, PublicPhoto, PublicReportDetail } from '../../shared/public.ts';
import { findCategory } from '../../shared/reference/categories.ts';
import type { PublicTimelineEntry, Report, ReportEvent } from '../../shared/types.ts';
import type { Catalog } from '../reference/catalog.ts';
import { statusLabel, toPublicEntry } from '../reports/presenter.ts';
import { canBeSupported } from '../reports/support.ts';
import { isContentPublic, publicPhotos, publicPoint, publicText } from './rules.ts';

/** Moderation steps shown in the public history, without what was changed. */
const MODERATION_EVENTS = new Set<ReportEvent['type']>(['report.redacted', 'report.photo_hidden', 'report.photo_published']);

export function toPublicListItem(report: Report, catalog: Catalog): PublicListItem {
  const category = catalog.categories.find((c) => c.id === report.category) ?? findCategory(report.category);
  return {
    publicId: report.publicId,
    category: { id: report.category, label: category?.label ?? report.category },
    status: { id: report.status, label: statusLabel(report.status) },
    agency: { id: report.agencyId, name: catalog.agency(report.agencyId)?.name ?? report.agencyId },
    kecamatan: { code: report.kecamatan, name: catalog.kecamatanName(report.kecamatan) },
    desa: { code: report.desa, name: catalog.desaName(report.desa) },
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    supportCount: report.supportCount,
    point: publicPoint(report),
  };
}

function toPublicPhoto(photo: { id: string; width: number; height: number }): PublicPhoto {
  return { id: photo.id, width: photo.width, height: photo.height, url: `/media/${photo.id}.jpg`, thumbUrl: `/media/${photo.id}.thumb.jpg` };
}

/**
 * The public history: the status steps, and the officers' words (replies, reasons) only once
 * the report's own text is public — before that an answer could quote what the citizen wrote.
 */
export function publicTimeline(report: Report, events: ReportEvent[]): PublicTimelineEntry[] {
  const content = isContentPublic(report);
  return events.flatMap((event): PublicTimelineEntry[] => {
    if (MODERATION_EVENTS.has(event.type)) return content ? [{ type: event.type, at: event.at, status: event.summary.status }] : [];
    const entry = toPublicEntry(event);
    if (!entry) return [];
    if (content || entry.message === undefined) return [entry];
    const { message: _message, ...withoutMessage } = entry;
    return [withoutMessage];
  });
}

export function toPublicReport(report: Report, events: ReportEvent[], catalog: Catalog): PublicReportDetail {
  return {
    ...toPublicListItem(report, catalog),
    description: publicText(report),
    photos: publicPhotos(report).map(toPublicPhoto),
    duplicateOf: report.duplicateOf,
    canSupport: canBeSupported(report),
    timeline: publicTimeline(report, events),
  };
}
