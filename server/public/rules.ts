// What the public may see of a report — the one place these rules are written. Pages, the
// Atom feed, the public map API and the photo route all ask here.
//
// - Listed as soon as it is made (id, category, place, status, agency, dates, supports);
//   a confidential report is never listed: it counts in the statistics only.
// - Its text and photos only once an officer verified it (verifiedAt is set by verify and by
//   starting work straight away), never for a confidential report; the officer may redact the
//   text (Report.publicDescription) and hide or publish each photo (PhotoRef.hidden), each an
//   event in the timeline. One exception: an aspiration a facilitator typed in at a Ngopi
//   Bareng session (channel `ngopi`) was said aloud in public and written down by an officer,
//   so its text is public at once (photos still wait); a citizen's own one waits like any other.
// - The exact GPS point only for road reports (jalan: public infrastructure, and the point is
//   the information), to 5 decimals (about 1 m) as every map pin; for the rest, where someone
//   lives or farms, only the desa.
import { pinCoordinate } from '../../shared/map.ts';
import type { CategoryId, PhotoRef, Report } from '../../shared/types.ts';

type Listable = Pick<Report, 'confidential'>;
type Moderated = Pick<Report, 'confidential' | 'verifiedAt' | 'channel'>;

/** Categories whose reports are about public infrastructure: their GPS point is public. */
export const EXACT_POINT_CATEGORIES: readonly CategoryId[] = ['jalan'];

export function isListed(report: Listable): boolean {
  return !report.confidential;
}

export function isContentPublic(report: Moderated): boolean {
  return !report.confidential && report.verifiedAt !== null;
}

/** The text the public reads, or null while it is not public. */
export function publicText(report: Moderated & Pick<Report, 'description' | 'publicDescription'>): string | null {
  const spokenInPublic = !report.confidential && report.channel === 'ngopi';
  if (!isContentPublic(report) && !spokenInPublic) return null;
  return report.publicDescription ?? report.description;
}

export function publicPhotos(report: Moderated & Pick<Report, 'photos'>): PhotoRef[] {
  return isContentPublic(report) ? report.photos.filter((p) => !p.hidden) : [];
}

export function isPhotoPublic(report: Moderated & Pick<Report, 'photos'>, photoId: string): boolean {
  return publicPhotos(report).some((p) => p.id === photoId);
}

export function publicPoint(report: { category: CategoryId; lat: number | null; lng: number | null; confidential: boolean }): { lat: number; lng: number } | null {
  if (report.confidential || !EXACT_POINT_CATEGORIES.includes(report.category) || report.lat === null || report.lng === null) return null;
  return { lat: pinCoordinate(report.lat), lng: pinCoordinate(report.lng) };
}
