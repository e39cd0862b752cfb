// Values adapters derive from a report to index them beside its document. Kept here, once,
// so every adapter (SQLite, MongoDB) derives them the same way.
import { isClosed } from '../../shared/reference/statuses.ts';
import type { Report } from '../../shared/types.ts';

/**
 * When the report got its first answer: verification, or closing without one (resolved,
 * rejected, duplicate). An adapter keeps the first value it saw (a reopen does not move it).
 */
export function answeredAtOf(report: Pick<Report, 'verifiedAt' | 'resolvedAt' | 'status' | 'updatedAt'>): string | null {
  return report.verifiedAt ?? report.resolvedAt ?? (isClosed(report.status) ? report.updatedAt : null);
}
