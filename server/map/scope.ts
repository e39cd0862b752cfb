// The map's filters, narrowed by who is asking, as the store's report filter. Scoping is the
// desk's (policy.scopeOf): an officer sees their agency, a camat their kecamatan.
import type { DeskUser } from '../../shared/desk.ts';
import type { MapFilters } from '../../shared/map.ts';
import { scopeOf } from '../desk/policy.ts';
import type { ReportFilter } from '../store/port.ts';

const DAY_MS = 86_400_000;

/** Midnight WIB (UTC+7) starting a calendar day, as an ISO instant. */
export function wibMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();
}

export function nextWibMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+07:00`) + DAY_MS).toISOString();
}

/**
 * The store filter for this user and these filters; null when nothing can match (e.g. an
 * officer filtering on another agency), so callers answer with zeros without asking the store.
 */
export function reportFilterFor(user: DeskUser, filters: MapFilters, now: Date, kecamatan?: string): ReportFilter | null {
  const scope = scopeOf(user);
  let agencyIds = scope.agencyIds;
  if (filters.agencyId) {
    if (agencyIds && !agencyIds.includes(filters.agencyId)) return null;
    agencyIds = [filters.agencyId];
  }
  if (agencyIds && agencyIds.length === 0) return null;
  if (scope.kecamatan && kecamatan && kecamatan !== scope.kecamatan) return null;
  return {
    agencyIds,
    kecamatan: scope.kecamatan ?? kecamatan,
    categories: filters.categories.length ? filters.categories : undefined,
    statuses: filters.statuses.length ? filters.statuses : undefined,
    createdFrom: filters.from ? wibMidnight(filters.from) : undefined,
    createdBefore: filters.to ? nextWibMidnight(filters.to) : undefined,
    overdueAt: filters.overdue ? now.toISOString() : undefined,
  };
}
