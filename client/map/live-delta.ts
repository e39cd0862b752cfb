// The live map by deltas: each change event carries the report's summary after the change
// and its status and agency before, so the kecamatan counts move at once, without asking the
// server; the aggregates are refetched at most every few seconds (REFRESH_EVERY_MS) to pick up
// what a delta cannot know ("overdue" moves with the clock; filters by date).
import type { KecamatanGroup, MapFilters } from '../../shared/map.ts';
import type { DeskEventPayload } from '../../shared/realtime.ts';
import type { CategoryId, ReportStatus } from '../../shared/types.ts';

export const REFRESH_EVERY_MS = 5000;

interface Counted { kecamatan: string; category: CategoryId; status: ReportStatus; agencyId: string }

/** Who is looking: an agency's staff count only their agencies' reports (as the server scopes them). */
export interface DeltaScope { agencyIds?: readonly string[] }

/** Whether a report in this state is counted under these filters (dates and "overdue" aside). */
function counted(r: Counted, filters: MapFilters, scope: DeltaScope): boolean {
  return (!scope.agencyIds || scope.agencyIds.includes(r.agencyId))
    && (!filters.categories.length || filters.categories.includes(r.category))
    && (!filters.statuses.length || filters.statuses.includes(r.status))
    && (!filters.agencyId || filters.agencyId === r.agencyId);
}

function bump(group: KecamatanGroup, r: Counted, by: 1 | -1): void {
  const add = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    const next = (counts[key] ?? 0) + by;
    if (next > 0) counts[key] = next;
    else delete counts[key];
  };
  group.total += by;
  add(group.byCategory, r.category);
  add(group.byStatus, r.status);
  add(group.byAgency, r.agencyId);
}

/**
 * Applies one event to the groups in place. Returns false when a delta cannot say what changed
 * (an event without its previous state, or filters a delta cannot judge): refetch then.
 */
export function applyEvent(groups: Map<string, KecamatanGroup>, event: DeskEventPayload, filters: MapFilters, scope: DeltaScope = {}): boolean {
  if (filters.overdue || filters.from || filters.to) return false;
  const group = groups.get(event.report.kecamatan);
  if (!group) return true; // a kecamatan this map does not draw
  const after: Counted = { kecamatan: event.report.kecamatan, category: event.report.category, status: event.report.status, agencyId: event.report.agencyId };
  if (event.type === 'report.created') {
    if (counted(after, filters, scope)) bump(group, after, 1);
    return true;
  }
  if (!event.previous) return false;
  const before: Counted = { ...after, status: event.previous.status, agencyId: event.previous.agencyId };
  if (before.status === after.status && before.agencyId === after.agencyId) return true;
  if (counted(before, filters, scope)) bump(group, before, -1);
  if (counted(after, filters, scope)) bump(group, after, 1);
  return true;
}
