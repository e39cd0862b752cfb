import type { EventActor, NewReportEvent, Report } from '../../shared/types.ts';
import { toSummary } from './presenter.ts';
import { roomsFor } from './rooms.ts';

/**
 * The event describing a change from `before` (null: created) to `report`: its summary after,
 * its status and agency before, and the rooms that may see it.
 */
export function eventFor(
  report: Report, type: NewReportEvent['type'], actor: EventActor, data: Record<string, unknown> = {}, alsoAgencies: string[] = [],
  before: Pick<Report, 'status' | 'agencyId'> | null = null,
): NewReportEvent {
  return {
    type, reportId: report.publicId, at: report.updatedAt, actor, rooms: roomsFor(report, alsoAgencies), data, summary: toSummary(report),
    previous: before ? { status: before.status, agencyId: before.agencyId } : null,
  };
}
