import type { DeskActionInput, DeskOfficer, DeskReportView, DeskSummary, DeskUser } from '../../shared/desk.ts';
import type { CategoryId, Report, ReportStatus } from '../../shared/types.ts';
import { officersOf } from '../auth/users.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { ReportFilter } from '../store/port.ts';
import { actorOf } from '../reports/actors.ts';
import { changeReport } from '../reports/change-report.ts';
import { hashTrackingCode } from '../reports/tracking-code.ts';
import { normaliseCode } from '../../shared/tracking-code.ts';
import { applyAction } from './actions.ts';
import { can, canSee, isPossible, scopeOf } from './policy.ts';
import { toDeskSummary, toDeskView } from './presenter.ts';

export interface DeskListFilters {
  status?: ReportStatus[];
  category?: CategoryId;
  kecamatan?: string;
  q?: string;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

/** The store filter of a user's queue under the desk's filters; null when the filters leave their scope (nothing to list). */
export function deskFilterOf(deps: Pick<Deps, 'clock'>, user: DeskUser, filters: Omit<DeskListFilters, 'limit' | 'cursor'>): ReportFilter | null {
  const scope = scopeOf(user);
  if (scope.kecamatan && filters.kecamatan && filters.kecamatan !== scope.kecamatan) return null;
  // A whole tracking code read out by a citizen over the phone finds their report by its hash;
  // the code itself is never shown back (nor stored).
  const code = filters.q ? normaliseCode(filters.q) : null;
  return {
    agencyIds: scope.agencyIds,
    kecamatan: scope.kecamatan ?? filters.kecamatan,
    statuses: filters.status,
    categories: filters.category ? [filters.category] : undefined,
    ...(code ? { codeHash: hashTrackingCode(code) } : { text: filters.q }),
    overdueAt: filters.overdue ? deps.clock().toISOString() : undefined,
  };
}

/**
 * The user's queue, newest first, only ever within their scope. `lastSeq` is read before the
 * query: a desk that loads this list and then syncs its socket from `lastSeq` misses nothing.
 */
export async function listDeskReports(deps: Deps, user: DeskUser, filters: DeskListFilters): Promise<{ items: DeskSummary[]; nextCursor: string | null; lastSeq: number }> {
  const lastSeq = await deps.store.lastSeq();
  const filter = deskFilterOf(deps, user, filters);
  if (!filter) return { items: [], nextCursor: null, lastSeq };
  const now = deps.clock();
  const page = await deps.store.listReports({ ...filter, limit: filters.limit, cursor: filters.cursor });
  return { items: page.items.map((r) => toDeskSummary(r, user, now)), nextCursor: page.nextCursor, lastSeq };
}

/** A report the user may see; any other (unknown, or another agency's) is the same 404. */
export async function findVisibleReport(deps: Deps, user: DeskUser, publicId: string): Promise<Report> {
  const report = await deps.store.getReport(publicId);
  if (!report || !canSee(user, report)) throw new AppError('report_not_found', { status: 404 });
  return report;
}

export async function getDeskReport(deps: Deps, user: DeskUser, publicId: string): Promise<DeskReportView> {
  const report = await findVisibleReport(deps, user, publicId);
  return toDeskView(report, await deps.store.eventsOfReport(publicId), user, deps.clock());
}

/**
 * Through the write path: find (scoped, 404) → may this role do it (403) → does the status
 * allow it (409) → the change(s), committed with the versions read. Another desk changing the
 * report in between makes the write path read and check again before answering 409 `conflict`.
 */
export async function performAction(deps: Deps, user: DeskUser, publicId: string, input: DeskActionInput): Promise<DeskReportView | null> {
  const { reports: [next] } = await changeReport(deps, publicId, actorOf(user), (report) => {
    if (!canSee(user, report)) throw new AppError('report_not_found', { status: 404 });
    if (!can(user, input.type, report)) throw new AppError('forbidden', { status: 403 });
    if (!isPossible(input.type, report)) throw new AppError('illegal_transition', { status: 409 });
    return applyAction(deps, user, report, input, deps.clock());
  });
  // After a forward the report may have left this user's sight: then there is nothing to show.
  if (!canSee(user, next)) return null;
  return toDeskView(next, await deps.store.eventsOfReport(publicId), user, deps.clock());
}

/** People a report of this agency can be assigned to; agency roles see only their own. */
export async function listOfficers(deps: Deps, user: DeskUser, agencyId: string | undefined): Promise<DeskOfficer[]> {
  const target = user.role === 'officer' || user.role === 'agency_admin' ? user.agencyId : agencyId;
  if (user.role === 'camat' || user.role === 'executive') throw new AppError('forbidden', { status: 403 });
  if (!target || !deps.catalog.agency(target)) throw new AppError('validation_failed', { status: 422, fields: { agencyId: 'invalid_agency' } });
  return officersOf(deps, target);
}
