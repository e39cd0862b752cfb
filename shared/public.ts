// What the public pages (/laporan, /laporan/:publicId, the Atom feed, the public map) and the
// server agree on. Only fields the public rules allow (server/public/rules.ts) exist here.
import type { CountMap } from './map.ts';
import type { CategoryId, PublicTimelineEntry, ReportStatus } from './types.ts';

/** One report in the public list: never its text, reporter, or the tracking code. */
export interface PublicListItem {
  publicId: string;
  category: { id: CategoryId; label: string };
  status: { id: ReportStatus; label: string };
  agency: { id: string; name: string };
  kecamatan: { code: string; name: string };
  desa: { code: string; name: string };
  createdAt: string;
  updatedAt: string;
  supportCount: number;
  /** The exact GPS point, only for road reports (jalan); otherwise the desa is the place. */
  point: { lat: number; lng: number } | null;
}

export interface PublicPhoto { id: string; url: string; thumbUrl: string; width: number; height: number }

/** One report on its public page. */
export interface PublicReportDetail extends PublicListItem {
  /** Null until an officer verified the report; the redacted version when one was made. */
  description: string | null;
  photos: PublicPhoto[];
  /** When the desk merged it into another report: that report's public id. */
  duplicateOf: string | null;
  canSupport: boolean;
  timeline: PublicTimelineEntry[];
}

export interface PublicListPage { items: PublicListItem[]; nextCursor: string | null }

/** GET /api/public/map: counts per kecamatan and the road pins, for the same filter as the list. */
export interface PublicMapAnswer {
  kecamatan: { code: string; name: string; centroid: { lat: number; lng: number } | null; total: number; byCategory: CountMap<CategoryId>; byStatus: CountMap<ReportStatus> }[];
  pins: { publicId: string; category: CategoryId; status: ReportStatus; lat: number; lng: number }[];
  truncated: boolean;
}
