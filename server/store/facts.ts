// Values adapters derive from a report to index them beside its document. Kept here, once,
// so every adapter (SQLite, MongoDB) derives them the same way.
import { isClosed } from '../../shared/reference/statuses.ts';
import type { Report } from '../../shared/types.ts';
import type { ReportFacts } from './port.ts';

/**
 * When the report got its first answer: verification, or closing without one (resolved,
 * rejected, duplicate). An adapter keeps the first value it saw (a reopen does not move it).
 */
export function answeredAtOf(report: Pick<Report, 'verifiedAt' | 'resolvedAt' | 'status' | 'updatedAt'>): string | null {
  return report.verifiedAt ?? report.resolvedAt ?? (isClosed(report.status) ? report.updatedAt : null);
}

/** How many characters of the description a ReportFacts row carries. */
export const EXCERPT_LENGTH = 140;

/**
 * The excerpt of a description, from its first EXCERPT_LENGTH + 1 characters (an adapter reads
 * no more than that): cut with an ellipsis when longer than EXCERPT_LENGTH.
 */
export function excerptOf(head: string): string {
  return head.length > EXCERPT_LENGTH ? `${head.slice(0, EXCERPT_LENGTH - 1)}…` : head;
}

/** The pupuk figures of a report's `details`, each null (or []) when absent or of another type. */
export function pupukFactsOf(d: Record<string, unknown>): NonNullable<ReportFacts['pupuk']> {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    kioskName: text(d.kioskName), fertiliserType: text(d.fertiliserType), pricePerKg: num(d.pricePerKg), hetPerKg: num(d.hetPerKg),
    overHetPerKg: num(d.overHetPerKg), problems: Array.isArray(d.problems) ? d.problems.filter((p): p is string => typeof p === 'string') : [],
  };
}
