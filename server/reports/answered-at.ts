// "First answer time": when a report first got an answer. A rule of the domain, applied once by
// the write path; the stores only keep and count the value (before, SQLite kept the first one
// with COALESCE and MongoDB with $ifNull, each its own way).
import { isClosed } from '../../shared/reference/statuses.ts';
import type { Report } from '../../shared/types.ts';

/** The answer the report's current state shows: verification, or closing without one. */
export function answeredAtOf(report: Pick<Report, 'verifiedAt' | 'resolvedAt' | 'status' | 'updatedAt'>): string | null {
  return report.verifiedAt ?? report.resolvedAt ?? (isClosed(report.status) ? report.updatedAt : null);
}

/** The first answer stands: a reopen (verifiedAt or resolvedAt cleared) does not move or clear it. */
export function firstAnswerAt(before: Pick<Report, 'answeredAt'> | null, after: Pick<Report, 'verifiedAt' | 'resolvedAt' | 'status' | 'updatedAt'>): string | null {
  return before?.answeredAt ?? answeredAtOf(after);
}
