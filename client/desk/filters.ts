// The queue's filters: as the officer chose them, as the API reads them, and as a live event
// is judged against them (an event may add a report to the queue or take it out).
import type { DeskUser } from '../../shared/desk.ts';
import type { ReportStatus, ReportSummary } from '../../shared/types.ts';
import { isPast } from './format.ts';

export interface Filters {
  /** '' = every status; 'open' = not closed yet; otherwise one status id. */
  status: string;
  category: string;
  kecamatan: string;
  q: string;
  overdue: boolean;
}

export const DEFAULT_FILTERS: Filters = { status: 'open', category: '', kecamatan: '', q: '', overdue: false };
const OPEN: ReportStatus[] = ['new', 'verified', 'in_progress'];

function statusesOf(f: Filters): ReportStatus[] | null {
  if (!f.status) return null;
  return f.status === 'open' ? OPEN : [f.status as ReportStatus];
}

export function toQuery(f: Filters, cursor?: string | null): string {
  const params = new URLSearchParams();
  const statuses = statusesOf(f);
  if (statuses) params.set('status', statuses.join(','));
  if (f.category) params.set('category', f.category);
  if (f.kecamatan) params.set('kecamatan', f.kecamatan);
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.overdue) params.set('overdue', 'true');
  params.set('limit', '50');
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The queue under these filters as CSV (the server applies the same scope and filters). */
export function exportUrl(f: Filters): string {
  const params = new URLSearchParams(toQuery(f));
  params.delete('limit');
  return `/api/desk/reports/export.csv?${params.toString()}`;
}

/** Whether this user's desk holds the report at all (the server's scope, mirrored). */
export function inScope(user: DeskUser, r: Pick<ReportSummary, 'agencyId' | 'kecamatan'>): boolean {
  if (user.role === 'officer' || user.role === 'agency_admin') return user.agencyIds.includes(r.agencyId);
  if (user.role === 'camat') return r.kecamatan === user.kecamatan;
  return true;
}

/**
 * Whether a report belongs in the filtered queue. The text search can only look at the code
 * and the excerpt here (the server searches the whole description), so a live report that
 * matches only deeper in its text shows up after the next reload of the queue.
 */
export function matches(f: Filters, r: ReportSummary, now = Date.now()): boolean {
  const statuses = statusesOf(f);
  if (statuses && !statuses.includes(r.status)) return false;
  if (f.category && r.category !== f.category) return false;
  if (f.kecamatan && r.kecamatan !== f.kecamatan) return false;
  if (f.overdue && !isPast(r.dueAt, now)) return false;
  const q = f.q.trim().toLowerCase();
  if (!q) return true;
  const codeQ = q.replace(/[^a-z0-9]/g, '');
  const inCode = codeQ !== '' && r.publicId.toLowerCase().includes(codeQ);
  return inCode || r.excerpt.toLowerCase().includes(q);
}
